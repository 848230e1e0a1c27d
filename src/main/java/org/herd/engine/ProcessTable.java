package org.herd.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * The processes running on this machine, as much of them as telling a live lease holder from a
 * crashed one needs. {@link #system()} reads the real ones; unit tests give a table of their own.
 */
public interface ProcessTable {

  /** The process with this id: empty when none runs; else its start time, empty when unreadable. */
  Optional<Optional<Instant>> lookup(long pid);

  /** This machine's processes, through {@link ProcessHandle}. */
  static ProcessTable system() {
    return pid ->
        ProcessHandle.of(pid)
            .filter(ProcessHandle::isAlive)
            .map(handle -> handle.info().startInstant());
  }
}
