package org.herd.journal;

/**
 * How a step on one host ended. {@link #UNREACHABLE} is distinct from {@link #FAILED}: the host
 * could not be asked, so nothing is known about what it did. {@link #INTERRUPTED} is recorded by
 * the journal itself when a step is started again while an earlier attempt never finished (herd
 * died or was killed during it).
 */
public enum StepOutcome {
  /** Done, nothing needed changing. */
  OK,
  /** Done, and the host changed. */
  CHANGED,
  FAILED,
  UNREACHABLE,
  SKIPPED,
  TIMED_OUT,
  INTERRUPTED;

  /** Whether the outcome counts against the host (failed, timed out). */
  public boolean failure() {
    return this == FAILED || this == TIMED_OUT;
  }
}
