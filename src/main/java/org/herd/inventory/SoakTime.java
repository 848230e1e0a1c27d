package org.herd.inventory;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of inventories: a number and a unit, optionally several, as in {@code 30s},
 * {@code 10m}, {@code 1h}, {@code 2d}, {@code 1h30m}, or {@code 0}.
 */
public final class SoakTime {

  private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+[smhd])+");
  private static final Pattern PART = Pattern.compile("([0-9]+)([smhd])");

  private SoakTime() {}

  /** Parses {@code text}; empty when it is not a duration in this syntax. */
  public static Optional<Duration> parse(String text) {
    String t = text.strip();
    if (t.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    if (!WHOLE.matcher(t).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(t);
    try {
      while (m.find()) {
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  default -> Duration.ofDays(n);
                });
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(total);
  }

  /** Formats {@code duration} in the same syntax, largest units first: {@code 1h30m}. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        text.append(seconds / sizes[i]).append(units[i]);
        seconds %= sizes[i];
      }
    }
    return text.toString();
  }
}
