package org.herd.engine;

/**
 * What each step does on a host: the one place where the engine touches hosts. The {@link
 * RunExecutor} decides which step runs when and journals it; an implementation only performs it.
 *
 * <p>Implementations are called from several threads at once, for different hosts; calls for one
 * host never overlap. They report failures as {@link StepResult}s and throw only for bugs.
 */
public interface StepActions {

  /** Whether a step starts afresh or picks up an attempt that was running when herd stopped. */
  enum Attempt {
    /** The step has not run in this attempt: start it. */
    FRESH,
    /**
     * The journal shows the step started and never finished (herd died or lost the host during it):
     * find out what became of it — re-attach to a detached command, or run an idempotent step
     * again.
     */
    REATTACH
  }

  /**
   * Performs one step on one host.
   *
   * @param number the attempt's number in the journal, from 1 (a retried or re-run step has a
   *     higher one; a re-attach keeps the number of the attempt it picks up)
   * @return how it ended; never null
   */
  StepResult run(String host, UpgradeStep step, Attempt attempt, int number);

  /**
   * Tells that an earlier execution of the run left {@code host}'s guard in place (guarded, not yet
   * unguarded): a resumed run keeps its lease alive as its own guard step would have. Does nothing
   * by default.
   */
  default void guardInPlace(String host) {}
}
