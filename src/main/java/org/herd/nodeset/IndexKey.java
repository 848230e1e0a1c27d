package org.herd.nodeset;

/**
 * One node index, such as {@code 7}, {@code 07} or {@code 007}, packed into a {@code long} whose
 * natural order is ClusterShell's order of indexes: shorter strings first, then by value.
 *
 * <p>ClusterShell 1.9 keeps indexes as strings so that {@code n1}, {@code n01} and {@code n001} are
 * three different nodes. The string of a non-negative index is fully described by its length and
 * its value, so herd packs the length into the top 7 bits and the value into the low 56 bits; the
 * packed keys sort, compare and hash as plain longs, which is what keeps folding fast.
 */
final class IndexKey {

  /** Values must stay below 2^56; 16 significant digits always do. */
  static final int MAX_SIGNIFICANT_DIGITS = 16;

  /** The longest index string, leading zeros included. */
  static final int MAX_LENGTH = 127;

  private static final int SHIFT = 56;
  private static final long VALUE_MASK = (1L << SHIFT) - 1;

  private IndexKey() {}

  /** The key of the index written with {@code length} characters and the given value. */
  static long of(long value, int length) {
    return ((long) length << SHIFT) | value;
  }

  /** The key of an index written as plain ASCII digits, such as {@code "007"}. */
  static long parse(CharSequence digits, int from, int to) {
    int length = to - from;
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException("index has more than " + MAX_LENGTH + " digits");
    }
    long value = 0;
    int significant = 0;
    for (int i = from; i < to; i++) {
      int digit = digits.charAt(i) - '0';
      if (value != 0 || digit != 0) {
        significant++;
      }
      value = value * 10 + digit;
      if (significant > MAX_SIGNIFICANT_DIGITS) {
        throw new IllegalArgumentException(
            "index has more than " + MAX_SIGNIFICANT_DIGITS + " significant digits");
      }
    }
    return of(value, length);
  }

  /** The number written by the index. */
  static long value(long key) {
    return key & VALUE_MASK;
  }

  /** The number of characters of the index, leading zeros included. */
  static int length(long key) {
    return (int) (key >>> SHIFT);
  }

  /** Whether the index is written with leading zeros ({@code 07}, {@code 00}, not {@code 0}). */
  static boolean padded(long key) {
    int length = length(key);
    return length > 1 && length > digits(value(key));
  }

  /** The number of decimal digits of a non-negative value ({@code 0} has one). */
  static int digits(long value) {
    int n = 1;
    while (value >= 10) {
      value /= 10;
      n++;
    }
    return n;
  }

  /** The key of {@code value} written with at least {@code pad} characters (0: no padding). */
  static long padTo(long value, int pad) {
    return of(value, Math.max(pad, digits(value)));
  }

  /** Appends the index as written, leading zeros included. */
  static void appendTo(StringBuilder out, long key) {
    long value = value(key);
    for (int zeros = length(key) - digits(value); zeros > 0; zeros--) {
      out.append('0');
    }
    out.append(value);
  }

  /** The index as written. */
  static String toString(long key) {
    StringBuilder out = new StringBuilder(length(key));
    appendTo(out, key);
    return out.toString();
  }
}
