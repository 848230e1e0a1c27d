package org.herd.ops;

import org.herd.journal.RunState;

/** What {@link Runs#abort} did. */
public sealed interface Abort {

  /** The run had already ended; nothing was done. */
  record AlreadyOver(RunState state) implements Abort {}

  /**
   * Another herd executes the run: it was marked aborted in the journal, and that herd stops
   * admitting hosts within seconds, lets its running steps finish and cleans up.
   *
   * @param holder who executes it
   */
  record Signalled(String holder) implements Abort {}

  /**
   * No herd executes the run: this process holds it now, to run the owed cleanup ({@link
   * Runs#execute}).
   */
  record Cleanup(StartedRun run) implements Abort {}
}
