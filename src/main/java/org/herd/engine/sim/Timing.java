package org.herd.engine.sim;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.inventory.SoakTime;

/**
 * How long a simulated step takes: a mean and a jitter, the duration drawn uniformly from {@code
 * mean - jitter} to {@code mean + jitter} (never below zero). Written {@code 3m}, {@code 3m ±1m} or
 * {@code 3m+-1m}.
 */
public record Timing(Duration mean, Duration jitter) {

  private static final Pattern TEXT =
      Pattern.compile("\\s*(\\S+?)\\s*(?:(?:±|\\+-)\\s*(\\S+))?\\s*");

  /** No time at all. */
  public static final Timing ZERO = new Timing(Duration.ZERO, Duration.ZERO);

  /** Rejects negative values. */
  public Timing {
    if (mean.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("a step duration cannot be negative");
    }
  }

  /** Parses {@code 3m}, {@code 3m ±1m} or {@code 3m+-1m}; empty when it is none of these. */
  public static Optional<Timing> parse(String text) {
    Matcher m = TEXT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<Duration> mean = SoakTime.parse(m.group(1));
    Optional<Duration> jitter =
        m.group(2) == null ? Optional.of(Duration.ZERO) : SoakTime.parse(m.group(2));
    if (mean.isEmpty() || jitter.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Timing(mean.get(), jitter.get()));
  }

  /** Draws one duration, in milliseconds. */
  long drawMillis(Random random) {
    long mean = mean().toMillis();
    long jitter = jitter().toMillis();
    if (jitter == 0) {
      return mean;
    }
    long offset = (long) ((random.nextDouble() * 2 - 1) * jitter);
    return Math.max(0, mean + offset);
  }
}
