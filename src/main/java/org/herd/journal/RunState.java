package org.herd.journal;

/**
 * Where a run is in its life. A run is {@link #RUNNING} from its creation; {@link #PAUSED} after
 * Ctrl-C or a crash was noticed (it can be resumed); it ends {@link #SUCCEEDED}, {@link #FAILED} (a
 * host failed) or {@link #ABORTED} (by the operator or by the failure policy).
 */
public enum RunState {
  RUNNING,
  PAUSED,
  SUCCEEDED,
  FAILED,
  ABORTED;

  /** Whether the run is over: setting such a state records the run's end time. */
  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == ABORTED;
  }
}
