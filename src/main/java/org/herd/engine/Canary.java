package org.herd.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The canary option: the first host of each cluster (and the first standalone host) is upgraded
 * alone; once they all succeeded, the run either pauses for the operator's confirmation ({@code
 * herd resume}) or waits a soak time and goes on.
 */
public sealed interface Canary {

  /** No canaries: every cluster uses its whole budget from the start. */
  record None() implements Canary {}

  /** After the canaries, pause the run until the operator resumes it. */
  record Pause() implements Canary {}

  /** After the canaries, watch them for {@code soak}, then go on. */
  record Soak(Duration soak) implements Canary {
    /** Rejects negative soak times. */
    public Soak {
      if (soak.isNegative()) {
        throw new IllegalArgumentException("a canary soak cannot be negative");
      }
    }
  }

  /** No canaries. */
  Canary NONE = new None();

  /** Whether the first host of each cluster goes alone. */
  default boolean enabled() {
    return !(this instanceof None);
  }

  /**
   * Parses {@code none}, {@code pause} or {@code soak=DURATION}, the duration read by {@code
   * durations} (the inventory's syntax: {@code 10m}, {@code 1h30m}).
   *
   * @throws IllegalArgumentException with a one-line message for the operator
   */
  static Canary parse(String text, Function<String, Optional<Duration>> durations) {
    Objects.requireNonNull(text, "text");
    String value = text.strip();
    if (value.equals("none")) {
      return NONE;
    }
    if (value.equals("pause")) {
      return new Pause();
    }
    if (value.startsWith("soak=")) {
      Optional<Duration> soak = durations.apply(value.substring("soak=".length()));
      if (soak.isPresent()) {
        return new Soak(soak.get());
      }
    }
    throw new IllegalArgumentException(
        "--canary '" + text + "': expected pause, soak=DURATION (such as soak=10m) or none");
  }

  /** The option's spelling, as {@link #parse} reads it. */
  default String spelling(Function<Duration, String> format) {
    if (this instanceof Soak soak) {
      return "soak=" + format.apply(soak.soak());
    }
    return this instanceof Pause ? "pause" : "none";
  }
}
