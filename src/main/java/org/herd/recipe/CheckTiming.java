package org.herd.recipe;

import java.time.Duration;

/**
 * When a check is asked again and for how long: retried every {@code interval}, it must pass
 * continuously for {@code stableFor} before it counts as passed, and gives up at {@code deadline}
 * (counted from the first try). A gate asked "right now" ignores the timing and tries once.
 */
public record CheckTiming(Duration interval, Duration stableFor, Duration deadline) {

  /** Two seconds between tries, passed at the first success, five minutes to get there. */
  public static final CheckTiming DEFAULT =
      new CheckTiming(Duration.ofSeconds(2), Duration.ZERO, Duration.ofMinutes(5));
}
