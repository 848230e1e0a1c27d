package org.herd.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a transport owns: one timer for deadlines and grace periods, and a cached pool for
 * blocking chores (stdin pumps, kills, local stream readers). Daemon threads, so a forgotten
 * transport never keeps the JVM alive; {@link #close()} stops them.
 */
final class TransportThreads implements AutoCloseable {
  private final ScheduledThreadPoolExecutor scheduler;
  private final ExecutorService workers;

  TransportThreads(String name) {
    scheduler = new ScheduledThreadPoolExecutor(1, daemon(name + "-timer"));
    scheduler.setRemoveOnCancelPolicy(true);
    workers = Executors.newCachedThreadPool(daemon(name + "-worker"));
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  ExecutorService workers() {
    return workers;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
