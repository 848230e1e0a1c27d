package org.herd.engine;

/**
 * Where a detached step is, as {@link DetachedCommand#attach} finds it on its host.
 *
 * <pre>
 *   (absent) --start--> Running --command ends--> Finished(status)
 *                          \--runner killed, host rebooted--> Lost
 * </pre>
 */
public sealed interface DetachedState {

  /** The runner is still alive: follow it. */
  record Running() implements DetachedState {}

  /**
   * The command ended.
   *
   * @param exitStatus its exit status, shell style ({@code 128+n} when signal {@code n} killed it)
   */
  record Finished(int exitStatus) implements DetachedState {
    /** Whether the command succeeded. */
    public boolean ok() {
      return exitStatus == 0;
    }
  }

  /**
   * The runner is gone without writing a status: it was killed (SIGKILL, OOM) or the host rebooted.
   * What the command did is unknown; its log tells how far it came.
   */
  record Lost() implements DetachedState {}

  /** Nothing was started for that step on the host (or its directory was removed). */
  record Absent() implements DetachedState {}
}
