package org.herd.debian;

/**
 * dpkg's {@code verrevcmp}: the order of upstream versions and revisions (Debian policy §5.6.12).
 *
 * <p>Both strings are consumed as alternating runs: a run of non-digits compared character by
 * character with {@link #weight}, then a run of digits compared as a number. Digit runs are
 * compared by value without converting them, so numbers longer than any integer type still order
 * correctly.
 */
final class VersionOrder {

  private VersionOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      // Non-digit prefix, character by character; a missing character weighs 0.
      while ((i < a.length() && !isDigit(a.charAt(i)))
          || (j < b.length() && !isDigit(b.charAt(j)))) {
        int wa = i < a.length() ? weight(a.charAt(i)) : 0;
        int wb = j < b.length() ? weight(b.charAt(j)) : 0;
        if (wa != wb) {
          return Integer.compare(wa, wb);
        }
        i++;
        j++;
      }
      // Digit run, as a number: skip leading zeros, then the longer run is bigger, else the first
      // differing digit decides.
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int startA = i;
      int startB = j;
      while (i < a.length() && isDigit(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isDigit(b.charAt(j))) {
        j++;
      }
      int lengthA = i - startA;
      int lengthB = j - startB;
      if (lengthA != lengthB) {
        return Integer.compare(lengthA, lengthB);
      }
      for (int k = 0; k < lengthA; k++) {
        int diff = a.charAt(startA + k) - b.charAt(startB + k);
        if (diff != 0) {
          return Integer.signum(diff);
        }
      }
    }
    return 0;
  }

  /** {@code ~} before the end of the string, letters before everything else. */
  private static int weight(char c) {
    if (c == '~') {
      return -1;
    }
    if (isDigit(c)) {
      return 0;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return c;
    }
    return c + 256;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
