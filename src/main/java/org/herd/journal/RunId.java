package org.herd.journal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a run, as the operator types it in {@code herd show RUN} and {@code herd resume RUN}:
 * the UTC time the run was created and a random suffix, such as {@code 20250314-091502-3fa9c1}.
 * They sort by creation time.
 */
public record RunId(String value) implements Comparable<RunId> {

  private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /**
   * @throws IllegalArgumentException when the text cannot be a run id
   */
  public RunId {
    Objects.requireNonNull(value, "value");
    if (!SYNTAX.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "run id '" + value + "': expected letters, digits, '.', '_' or '-' (at most 64)");
    }
  }

  /** Parses a run id typed by the operator. */
  public static RunId of(String value) {
    return new RunId(value);
  }

  @Override
  public int compareTo(RunId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
