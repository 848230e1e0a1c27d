package org.herd.nodeset;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses what is between brackets, such as {@code 1-5,09,10-20/2}, with ClusterShell 1.9's rules:
 * comma-separated items, each an index or {@code a-b} or {@code a-b/step}, whitespace around items
 * and bounds ignored, numbers read as Python's {@code int()} reads them. A bound with leading zeros
 * pads the whole item to its length, and then both bounds must have that length.
 *
 * <p>Negative indexes, which ClusterShell accepts but cannot read back from its own output ({@code
 * n-1} is the name {@code n-} with index 1), are refused.
 */
final class RangeParser {

  /** The most nodes one term may produce; larger ranges are refused, not allocated. */
  static final long MAX_ITEM_SIZE = 10_000_000;

  private RangeParser() {}

  /** A malformed item: {@code offset} is where it starts in the parsed text. */
  static final class RangeSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String item;
    final int offset;

    RangeSyntaxException(String item, int offset, String detail) {
      super(detail, null, false, false);
      this.item = item;
      this.offset = offset;
    }
  }

  /** The indexes of {@code text}. */
  static RangeSet parse(String text) {
    long[] keys = new long[16];
    int n = 0;
    int start = 0;
    while (true) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      int from = start;
      int to = end;
      while (from < to && isSpace(text.charAt(from))) {
        from++;
      }
      while (to > from && isSpace(text.charAt(to - 1))) {
        to--;
      }
      Item item = item(text.substring(from, to), from);
      long count = (item.stop - item.start) / item.step + 1;
      if (n + count > MAX_ITEM_SIZE) {
        throw new RangeSyntaxException(
            text.substring(from, to),
            from,
            "range too large (more than " + MAX_ITEM_SIZE + " indexes)");
      }
      if (n + count > keys.length) {
        keys = java.util.Arrays.copyOf(keys, (int) Math.max(2L * keys.length, n + count));
      }
      for (long v = item.start; v <= item.stop; v += item.step) {
        keys[n++] = IndexKey.padTo(v, item.pad);
      }
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return RangeSet.of(keys, n);
  }

  private record Item(long start, long stop, long step, int pad) {}

  private static Item item(String item, int offset) {
    try {
      return parseItem(item, offset);
    } catch (NumberFormatException e) {
      throw new RangeSyntaxException(item, offset, item.isEmpty() ? "empty range" : e.getMessage());
    }
  }

  private static Item parseItem(String item, int offset) {
    String base = item;
    long step = 1;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      base = item.substring(0, slash);
      step = pythonInt(item.substring(slash + 1));
    }
    String begin;
    String end;
    int beginSign = 1;
    int endSign = 1;
    if (base.indexOf('-') < 0) {
      if (step != 1) {
        throw new RangeSyntaxException(item, offset, "a step needs a range (a-b/step)");
      }
      begin = base;
      end = base;
    } else {
      // "a-b", and ClusterShell's negative forms "-5", "x-0-3" (the x is ignored), "x-8--4".
      String[] bounds = base.split("-", -1);
      if (bounds.length == 2) {
        begin = strip(bounds[0]);
        end = strip(bounds[1]);
        if (begin.isEmpty()) {
          begin = end;
          beginSign = endSign = -1;
        }
      } else if (bounds.length == 3) {
        begin = strip(bounds[1]);
        end = strip(bounds[2]);
        beginSign = -1;
      } else if (bounds.length == 4) {
        begin = strip(bounds[1]);
        end = strip(bounds[3]);
        beginSign = endSign = -1;
      } else {
        throw new RangeSyntaxException(item, offset, "too many '-'");
      }
    }
    int pad = 0;
    long first;
    if (pythonInt(begin) != 0) {
      String digits = stripZeros(begin);
      if (digits.length() < begin.length()) {
        pad = begin.length();
      }
      first = pythonInt(digits);
    } else {
      if (begin.length() > 1) {
        pad = begin.length();
      }
      first = 0;
    }
    String endDigits = pythonInt(end) != 0 ? stripZeros(end) : end;
    boolean endPadded = endDigits.length() < end.length();
    if ((pad > 0 || endPadded) && begin.length() != end.length()) {
      throw new RangeSyntaxException(
          item, offset, "padding length mismatch (both bounds need the same number of digits)");
    }
    long last = pythonInt(endDigits);
    first *= beginSign;
    last *= endSign;
    if (first < 0 || last < 0) {
      throw new RangeSyntaxException(item, offset, "negative indexes are not supported");
    }
    if (first > last) {
      throw new RangeSyntaxException(item, offset, "start is greater than end");
    }
    if (step < 1) {
      throw new RangeSyntaxException(item, offset, "step must be at least 1");
    }
    if (pad > IndexKey.MAX_LENGTH) {
      throw new RangeSyntaxException(item, offset, "index too long");
    }
    return new Item(first, last, step, pad);
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  /**
   * Python's {@code int(s)}: surrounding whitespace, an optional sign, digits with single
   * underscores between them.
   *
   * @throws NumberFormatException if {@code s} is not such a number or is too large for an index
   */
  static long pythonInt(String s) {
    String t = strip(s);
    int i = 0;
    boolean minus = false;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      minus = t.charAt(0) == '-';
      i = 1;
    }
    if (i >= t.length()) {
      throw new NumberFormatException("not a number");
    }
    long value = 0;
    int significant = 0;
    boolean lastWasDigit = false;
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '_' && lastWasDigit && i + 1 < t.length()) {
        lastWasDigit = false;
        continue;
      }
      if (!PatternBuilder.isDigit(c)) {
        throw new NumberFormatException("not a number");
      }
      lastWasDigit = true;
      if (value != 0 || c != '0') {
        significant++;
      }
      if (significant > IndexKey.MAX_SIGNIFICANT_DIGITS) {
        throw new NumberFormatException(
            "index too large (more than " + IndexKey.MAX_SIGNIFICANT_DIGITS + " digits)");
      }
      value = value * 10 + (c - '0');
    }
    return minus ? -value : value;
  }

  /** Python's {@code str.isspace()} for the characters that matter in practice. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  /** Python's {@code str.strip()}. */
  static String strip(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isSpace(s.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  /** The comma-separated contiguous pieces of a set, as ClusterShell folds them. */
  static List<String> pieces(RangeSet set) {
    List<String> result = new ArrayList<>();
    for (String piece : set.toString().split(",", -1)) {
      result.add(piece);
    }
    return result;
  }
}
