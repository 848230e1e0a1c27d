package org.herd.debian;

import java.util.List;

/**
 * The result of a parser that never throws: the value it could read, and one warning per line or
 * stanza it did not understand (quoted, so an operator can see what the host really said).
 *
 * @param value what was understood
 * @param warnings what was not, in input order; empty when everything was understood
 * @param <T> the parsed type
 */
public record Parsed<T>(T value, List<String> warnings) {

  /** Copies the warnings. */
  public Parsed {
    warnings = List.copyOf(warnings);
  }

  /** A result without warnings. */
  public static <T> Parsed<T> of(T value) {
    return new Parsed<>(value, List.of());
  }
}
