package org.herd.transport;

import java.util.List;

/**
 * OpenSSH host patterns, as {@code Host} lines of ssh_config and host fields of known_hosts use
 * them: {@code *} and {@code ?} wildcards, {@code !} negation, several patterns per list.
 */
final class HostPattern {
  private HostPattern() {}

  /**
   * Whether {@code name} matches a pattern list: at least one positive pattern matches and no
   * negated pattern does (a negated match wins, as in OpenSSH).
   */
  static boolean matchesList(List<String> patterns, String name) {
    boolean matched = false;
    for (String pattern : patterns) {
      if (pattern.startsWith("!")) {
        if (matches(pattern.substring(1), name)) {
          return false;
        }
      } else if (matches(pattern, name)) {
        matched = true;
      }
    }
    return matched;
  }

  /** Whether {@code name} matches one wildcard pattern, case-insensitively. */
  static boolean matches(String pattern, String name) {
    return matches(
        pattern.toLowerCase(java.util.Locale.ROOT), 0, name.toLowerCase(java.util.Locale.ROOT), 0);
  }

  private static boolean matches(String pattern, int p, String name, int n) {
    while (p < pattern.length()) {
      char c = pattern.charAt(p);
      if (c == '*') {
        for (int rest = n; rest <= name.length(); rest++) {
          if (matches(pattern, p + 1, name, rest)) {
            return true;
          }
        }
        return false;
      }
      if (n >= name.length() || (c != '?' && c != name.charAt(n))) {
        return false;
      }
      p++;
      n++;
    }
    return n == name.length();
  }
}
