package org.herd.engine;

/**
 * Hears what a run does as it happens, for progress displays and event streams. Called from the
 * executor's threads, possibly at once for different hosts; implementations must be thread-safe and
 * quick.
 */
public interface RunListener {

  /** Hears nothing. */
  RunListener NONE = new RunListener() {};

  default void stepStarted(String host, UpgradeStep step, StepActions.Attempt attempt) {}

  default void stepFinished(String host, UpgradeStep step, StepResult result) {}

  default void hostFinished(String host, HostEnd end) {}

  /** The scheduler paused the run (the canaries are done); {@code why} says what to do next. */
  default void paused(String why) {}

  /** The failure policy was exceeded: no more hosts are admitted. */
  default void abortedByPolicy(int failed, int total, MaxFail policy) {}
}
