package org.herd.cli;

/**
 * {@code herd nodeset -O FORMAT}: what is printed around each result, as ClusterShell's Python
 * {@code FORMAT % result}: one {@code %s} for the result, {@code %%} for a percent sign, anything
 * else as is ({@code %s-ib}, {@code ssh://%s}).
 *
 * @param format the format, checked
 */
record OutputFormat(String format) {

  /** {@code %s}: the result alone. */
  static final OutputFormat PLAIN = new OutputFormat("%s");

  /**
   * Checks the format.
   *
   * @throws UserError unless it has exactly one {@code %s} and no other {@code %} but {@code %%}
   */
  OutputFormat {
    int results = 0;
    for (int i = 0; i < format.length(); i++) {
      if (format.charAt(i) != '%') {
        continue;
      }
      char next = i + 1 < format.length() ? format.charAt(i + 1) : 0;
      if (next == 's') {
        results++;
      } else if (next != '%') {
        results = -1;
        break;
      }
      i++;
    }
    if (results != 1) {
      throw new UserError(
          "-O " + format + ": the format takes one %s for the result (and %% for a percent sign)");
    }
  }

  /** Whether the format is the result alone. */
  boolean plain() {
    return format.equals("%s");
  }

  /** {@code result} in the format. */
  String apply(String result) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '%') {
        out.append(format.charAt(++i) == 's' ? result : "%");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
