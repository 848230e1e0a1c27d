package org.herd.engine;

import java.util.Optional;
import org.herd.journal.HolderIdentity;
import org.herd.journal.ProcessStart;
import org.herd.journal.RunId;

/**
 * Decides whether a lease's holder is a herd that crashed on this machine while executing a given
 * run, so that {@code herd resume} of that run may take its lease over at once instead of waiting
 * up to {@link RunLease#TTL} for it to expire.
 *
 * <p>A holder counts as crashed only when all of these hold: its text names it (see {@link
 * HolderIdentity#parse}), it was executing the run being resumed, it ran on this machine (same host
 * name), and its process is gone — no process has its pid, or the one that has it has another
 * {@link ProcessStart} than the holder recorded (the pid was reused, or the machine rebooted). A
 * holder on another machine, of another run, or whose process still runs (or cannot be told apart)
 * is presumed alive.
 */
public final class CrashedHolder {

  private CrashedHolder() {}

  /**
   * Why the holder is known to be dead, in words for the operator; empty when it may be alive.
   *
   * @param holderText the lease's holder, as the journal stores it
   * @param localHost this machine's host name
   * @param run the run being resumed
   */
  public static Optional<String> why(
      String holderText, String localHost, RunId run, ProcessTable processes) {
    Optional<HolderIdentity> parsed = HolderIdentity.parse(holderText);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    HolderIdentity holder = parsed.get();
    if (!holder.run().equals(Optional.of(run)) || !holder.hostname().equals(localHost)) {
      return Optional.empty();
    }
    Optional<Optional<ProcessStart>> process = processes.lookup(holder.pid());
    if (process.isEmpty()) {
      return Optional.of("process " + holder.pid() + " is gone");
    }
    Optional<ProcessStart> now = process.get();
    if (holder.process().isPresent() && now.isPresent() && !holder.process().equals(now)) {
      return Optional.of(
          "process "
              + holder.pid()
              + " is gone (that pid now belongs to another process, proc="
              + now.get().text()
              + ")");
    }
    return Optional.empty();
  }
}
