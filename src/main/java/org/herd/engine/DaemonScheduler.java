package org.herd.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The background timers of a run (lease renewals, the abort watcher): one daemon thread each, named
 * for what it does, so that a forgotten one never keeps the JVM alive and a thread dump says whose
 * it is. The owner shuts it down.
 */
public final class DaemonScheduler {

  private DaemonScheduler() {}

  /** A single-threaded scheduler on a daemon thread called {@code threadName}. */
  public static ScheduledExecutorService named(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        task -> {
          Thread thread = new Thread(task, threadName);
          thread.setDaemon(true);
          return thread;
        });
  }
}
