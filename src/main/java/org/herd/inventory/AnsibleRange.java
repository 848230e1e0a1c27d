package org.herd.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's host ranges, which differ from node sets: {@code web[01:20]} (a colon, not a dash), an
 * optional step {@code [1:9:2]}, letters {@code db-[a:c]}, an omitted start meaning 0 {@code [:3]},
 * and a zero-padded start fixing the width, in which case the end must have the same width. Several
 * ranges in one name are expanded left to right.
 */
final class AnsibleRange {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** A range Ansible would reject. */
  static final class RangeException extends Exception {
    private static final long serialVersionUID = 1L;

    RangeException(String message) {
      super(message);
    }
  }

  private AnsibleRange() {}

  /** Every host name {@code pattern} stands for, in Ansible's order. */
  static List<String> expand(String pattern) throws RangeException {
    List<String> hosts = new ArrayList<>();
    expandInto(pattern, hosts);
    return hosts;
  }

  private static void expandInto(String pattern, List<String> hosts) throws RangeException {
    int open = pattern.indexOf('[');
    if (open < 0) {
      if (hosts.size() == Inventory.MAX_HOSTS) {
        throw tooMany();
      }
      hosts.add(pattern);
      return;
    }
    int close = pattern.indexOf(']', open);
    if (close < 0) {
      throw new RangeException("host range `" + pattern.substring(open) + "` has no closing `]`");
    }
    String head = pattern.substring(0, open);
    String range = pattern.substring(open + 1, close);
    String tail = pattern.substring(close + 1);
    String[] bounds = range.split(":", -1);
    if (bounds.length != 2 && bounds.length != 3) {
      throw new RangeException(
          "host range `[" + range + "]` must be [begin:end] or [begin:end:step]");
    }
    String begin = bounds[0].isEmpty() ? "0" : bounds[0];
    String end = bounds[1];
    if (end.isEmpty()) {
      throw new RangeException("host range `[" + range + "]` has no end");
    }
    int step = 1;
    if (bounds.length == 3) {
      step = number(bounds[2], range);
      if (step < 1) {
        throw new RangeException("host range `[" + range + "]` needs a step of at least 1");
      }
    }
    for (String value : values(begin, end, step, range)) {
      expandInto(head + value + tail, hosts);
    }
  }

  private static List<String> values(String begin, String end, int step, String range)
      throws RangeException {
    List<String> values = new ArrayList<>();
    if (begin.length() == 1 && end.length() == 1 && isLetter(begin) && isLetter(end)) {
      int from = LETTERS.indexOf(begin);
      int to = LETTERS.indexOf(end);
      if (from > to) {
        throw new RangeException("host range `[" + range + "]` must have begin <= end");
      }
      for (int i = from; i <= to; i += step) {
        values.add(String.valueOf(LETTERS.charAt(i)));
      }
      return values;
    }
    int width = 0;
    if (begin.length() > 1 && begin.charAt(0) == '0') {
      width = begin.length();
      if (end.length() != width) {
        throw new RangeException(
            "host range `[" + range + "]`: a zero-padded begin needs an end of the same width");
      }
    }
    int from = number(begin, range);
    int to = number(end, range);
    if (from > to) {
      throw new RangeException("host range `[" + range + "]` must have begin <= end");
    }
    if ((to - from) / step >= Inventory.MAX_HOSTS) {
      throw tooMany();
    }
    for (long i = from; i <= to; i += step) {
      String digits = Long.toString(i);
      values.add("0".repeat(Math.max(0, width - digits.length())) + digits);
    }
    return values;
  }

  private static RangeException tooMany() {
    return new RangeException(
        "host range stands for more than " + Inventory.MAX_HOSTS + " hosts, the most herd reads");
  }

  private static boolean isLetter(String s) {
    return LETTERS.contains(s);
  }

  private static int number(String text, String range) throws RangeException {
    if (!text.matches("[0-9]{1,9}")) {
      throw new RangeException(
          "host range `[" + range + "]`: `" + text + "` is neither a number nor a letter");
    }
    return Integer.parseInt(text);
  }
}
