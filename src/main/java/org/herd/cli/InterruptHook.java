package org.herd.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C for commands that must stop cleanly and say what did not complete. SIGINT makes the JVM
 * run its shutdown hooks; this hook calls the command's stop action, then holds the JVM until the
 * command has printed its report (at most a few seconds), after which the process ends with 130.
 *
 * <p>A shutdown hook rather than a signal handler because the JDK offers no supported API for
 * signals. Closing the hook (normal completion) removes it.
 */
final class InterruptHook implements AutoCloseable {

  private static final java.time.Duration REPORT_GRACE = java.time.Duration.ofSeconds(5);

  private final Thread thread;
  private final CountDownLatch reported = new CountDownLatch(1);
  private volatile Runnable onInterrupt = () -> {};
  private final java.time.Duration grace;

  private InterruptHook(java.time.Duration grace) {
    this.grace = grace;
    thread = new Thread(this::interrupted, "herd-interrupt");
  }

  /** Installs a hook that does nothing until {@link #onInterrupt} says what to stop. */
  static InterruptHook install() {
    return install(REPORT_GRACE);
  }

  /**
   * Installs a hook that holds the JVM up to {@code grace} after Ctrl-C, for commands whose current
   * work must end cleanly first (a run's current steps).
   */
  static InterruptHook install(java.time.Duration grace) {
    InterruptHook hook = new InterruptHook(grace);
    try {
      Runtime.getRuntime().addShutdownHook(hook.thread);
    } catch (IllegalStateException e) {
      // Already shutting down: there is nothing left to protect.
    }
    return hook;
  }

  /** What to stop on Ctrl-C (the running fan-out). */
  void onInterrupt(Runnable action) {
    onInterrupt = action;
  }

  private void interrupted() {
    onInterrupt.run();
    try {
      reported.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The command has printed its report (flush first): the JVM may end. */
  @Override
  public void close() {
    reported.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException e) {
      // The hook is running (Ctrl-C) or the JVM is shutting down: nothing to remove.
    }
  }
}
