package org.herd.journal;

/**
 * What an operator asked of a run, as the journal records it with who asked ({@link
 * Journal#actions}).
 */
public enum RunAction {
  /** The run was started (by {@code herd serve}, from a posted plan). */
  START,
  /** The run was aborted. */
  ABORT,
  /** The herd executing the run is asked to pause it. */
  PAUSE,
  /** The run was resumed. */
  RESUME
}
