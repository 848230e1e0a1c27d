package org.herd.engine;

import java.util.Optional;
import org.herd.journal.ProcessStart;

/**
 * The processes running on this machine, as much of them as telling a live lease holder from a
 * crashed one needs. {@link #system()} reads the real ones; unit tests give a table of their own.
 */
public interface ProcessTable {

  /** The process with this id: empty when none runs; else its start, empty when unreadable. */
  Optional<Optional<ProcessStart>> lookup(long pid);

  /** This machine's processes, through {@link ProcessHandle} and {@code /proc}. */
  static ProcessTable system() {
    return pid ->
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(handle -> ProcessStart.of(pid));
  }
}
