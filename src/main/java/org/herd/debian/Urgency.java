package org.herd.debian;

import java.util.Locale;

/**
 * The {@code urgency} of a Debian changelog entry (policy §5.6.17), in increasing order, so that
 * the most urgent of several entries is their maximum. Values dpkg does not know are {@link
 * #UNKNOWN}, which sorts lowest.
 */
public enum Urgency {
  UNKNOWN,
  LOW,
  MEDIUM,
  HIGH,
  EMERGENCY,
  CRITICAL;

  /**
   * Reads the value of {@code urgency=}: its first word, in any case, so that {@code low (HIGH for
   * m68k)} is {@link #LOW} and {@code HIGH} is {@link #HIGH}.
   */
  public static Urgency of(String value) {
    String word = value.strip().split("[\\s(,]", 2)[0].toUpperCase(Locale.ROOT);
    for (Urgency u : values()) {
      if (u != UNKNOWN && u.name().equals(word)) {
        return u;
      }
    }
    return UNKNOWN;
  }

  /** The word as changelogs write it ({@code medium}). */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
