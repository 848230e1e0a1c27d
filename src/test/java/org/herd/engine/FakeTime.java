package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Virtual time for checks: sleeping advances the clock, so waits are tested without sleeping. */
final class FakeTime extends Clock implements Sleeper {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private volatile Instant now = START;

  /** How long since the start. */
  Duration elapsed() {
    return Duration.between(START, now);
  }

  @Override
  public void sleep(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
