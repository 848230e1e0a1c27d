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

  private static final long REPORT_GRACE_SECONDS = 5;

  private final Thread thread;
  private final CountDownLatch reported = new CountDownLatch(1);
  private volatile Runnable onInterrupt = () -> {};

  private InterruptHook() {
    thread = new Thread(this::interrupted, "herd-interrupt");
  }

  /** Installs a hook that does nothing until {@link #onInterrupt} says what to stop. */
  static InterruptHook install() {
    InterruptHook hook = new InterruptHook();
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
      reported.await(REPORT_GRACE_SECONDS, TimeUnit.SECONDS);
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
