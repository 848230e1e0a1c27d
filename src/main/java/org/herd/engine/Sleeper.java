package org.herd.engine;

import java.time.Duration;

/**
 * Waits between tries of a health check. Injected with the {@link java.time.Clock}, so that tests
 * advance a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real one: {@link Thread#sleep}. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
