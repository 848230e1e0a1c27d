package org.herd.nodeset;

/** Shell-style matching of host names with {@code *} and {@code ?}, as Python's fnmatch. */
final class Glob {

  private Glob() {}

  /** Whether {@code name} matches {@code mask} entirely. */
  static boolean matches(String mask, String name) {
    int m = 0;
    int n = 0;
    int star = -1;
    int resume = 0;
    while (n < name.length()) {
      if (m < mask.length() && (mask.charAt(m) == '?' || mask.charAt(m) == name.charAt(n))) {
        m++;
        n++;
      } else if (m < mask.length() && mask.charAt(m) == '*') {
        star = m++;
        resume = n;
      } else if (star >= 0) {
        m = star + 1;
        n = ++resume;
      } else {
        return false;
      }
    }
    while (m < mask.length() && mask.charAt(m) == '*') {
      m++;
    }
    return m == mask.length();
  }
}
