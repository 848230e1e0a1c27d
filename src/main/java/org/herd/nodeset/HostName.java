package org.herd.nodeset;

import java.util.ArrayList;
import java.util.List;

/**
 * One literal host name split into its pattern and index keys: {@code rack2-node07} is pattern
 * {@code rack%s-node%s} with indexes {@code 2} and {@code 07}.
 */
record HostName(Pattern pattern, long[] keys) {

  private static final String RESERVED = ",!&^[]@*?";

  /** Whether {@code text} is one host name as it stands: no whitespace, operator or bracket. */
  static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (RESERVED.indexOf(c) >= 0 || RangeParser.isSpace(c)) {
        return false;
      }
    }
    return !text.isEmpty();
  }

  /**
   * Splits a literal host name.
   *
   * @throws NodeSetException if the name is empty, has whitespace or a reserved character, or an
   *     index too long to handle
   */
  static HostName parse(String hostname) {
    return parse(hostname, null);
  }

  /**
   * Splits a literal host name, reusing {@code likely} as its pattern when the text around the
   * digits is the same, which it is for most of a list of hosts: no pattern is built for them.
   */
  static HostName parse(String hostname, Pattern likely) {
    if (hostname.isEmpty()) {
      throw NodeSetException.at("empty host name", null, 0, null);
    }
    int runs = 0;
    boolean inDigits = false;
    for (int i = 0; i < hostname.length(); i++) {
      char c = hostname.charAt(i);
      if (Character.isWhitespace(c) || RESERVED.indexOf(c) >= 0) {
        throw NodeSetException.at(
            "bad host name", hostname, i + 1, "'" + c + "' is not allowed in a host name");
      }
      boolean digit = PatternBuilder.isDigit(c);
      if (digit && !inDigits) {
        runs++;
      }
      inDigits = digit;
    }
    long[] keys = new long[runs];
    int[] bounds = new int[2 * runs];
    int run = 0;
    int i = 0;
    while (i < hostname.length()) {
      if (PatternBuilder.isDigit(hostname.charAt(i))) {
        int j = i;
        while (j < hostname.length() && PatternBuilder.isDigit(hostname.charAt(j))) {
          j++;
        }
        try {
          keys[run] = IndexKey.parse(hostname, i, j);
        } catch (IllegalArgumentException e) {
          throw NodeSetException.at("bad host name", hostname, i + 1, e.getMessage());
        }
        bounds[2 * run] = i;
        bounds[2 * run + 1] = j;
        run++;
        i = j;
      } else {
        i++;
      }
    }
    Pattern pattern =
        likely != null && likely.matches(hostname, bounds) ? likely : pattern(hostname, bounds);
    return new HostName(pattern, keys);
  }

  private static Pattern pattern(String hostname, int[] bounds) {
    List<String> parts = new ArrayList<>(bounds.length / 2 + 1);
    int from = 0;
    for (int r = 0; r < bounds.length; r += 2) {
      parts.add(hostname.substring(from, bounds[r]));
      from = bounds[r + 1];
    }
    parts.add(hostname.substring(from));
    return Pattern.of(parts);
  }
}
