package org.herd.lab;

import java.time.Duration;

/**
 * A limit on waiting for real processes (a boot, a server, a cluster), measured on the monotonic
 * clock. The lab's injected {@link java.time.Clock} dates things (Release files); waits use this
 * instead, so that a fixed test clock can never turn a wait into an endless loop.
 */
final class Deadline {

  private final long end;

  private Deadline(long end) {
    this.end = end;
  }

  /** A deadline {@code timeout} from now. */
  static Deadline in(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos());
  }

  /** Whether there is time left. */
  boolean pending() {
    return System.nanoTime() - end < 0;
  }

  /** The time left, at least one second (a command given it may then still answer). */
  Duration left() {
    long nanos = end - System.nanoTime();
    return nanos < 1_000_000_000L ? Duration.ofSeconds(1) : Duration.ofNanos(nanos);
  }
}
