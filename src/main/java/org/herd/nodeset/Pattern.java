package org.herd.nodeset;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of a family of node names: the text around their indexes, such as {@code rack}, {@code
 * -node} and {@code ""} for {@code rack[1-2]-node[01-10]}. A pattern with no index is one node
 * name.
 *
 * <p>Patterns are ordered as ClusterShell orders them: by the Python format string of the pattern
 * ({@code rack%s-node%s}, with {@code %} written {@code %%}), compared code point by code point.
 */
final class Pattern implements Comparable<Pattern> {

  private final String[] parts;
  private final int hash;
  private String sortKey;

  private Pattern(String[] parts) {
    this.parts = parts;
    this.hash = Arrays.hashCode(parts);
  }

  /** ClusterShell's format string of the pattern, by which patterns are sorted. */
  private String sortKey() {
    String key = sortKey;
    if (key == null) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          out.append("%s");
        }
        out.append(parts[i].replace("%", "%%"));
      }
      key = out.toString();
      sortKey = key;
    }
    return key;
  }

  /** The pattern with the given texts around its indexes ({@code dimensions + 1} of them). */
  static Pattern of(List<String> parts) {
    return new Pattern(parts.toArray(String[]::new));
  }

  /** The number of indexes of the names of this pattern. */
  int dimensions() {
    return parts.length - 1;
  }

  /**
   * Whether {@code name}, whose digit runs are at {@code bounds} (start, end, start, end…), has
   * exactly this pattern's text around them.
   */
  boolean matches(String name, int[] bounds) {
    if (bounds.length != 2 * dimensions()) {
      return false;
    }
    int from = 0;
    for (int i = 0; i < parts.length; i++) {
      int to = i < bounds.length / 2 ? bounds[2 * i] : name.length();
      if (to - from != parts[i].length() || !name.startsWith(parts[i], from)) {
        return false;
      }
      from = i < bounds.length / 2 ? bounds[2 * i + 1] : to;
    }
    return true;
  }

  /** The name with the given index keys. */
  void appendNode(StringBuilder out, long[] keys) {
    out.append(parts[0]);
    for (int i = 0; i < keys.length; i++) {
      IndexKey.appendTo(out, keys[i]);
      out.append(parts[i + 1]);
    }
  }

  /** The text with each index slot replaced by the given strings (folded ranges or indexes). */
  String format(String... slots) {
    StringBuilder out = new StringBuilder(parts[0]);
    for (int i = 0; i < slots.length; i++) {
      out.append(slots[i]).append(parts[i + 1]);
    }
    return out.toString();
  }

  /** Whether the names of this pattern start with {@code text}, i.e. group references. */
  boolean startsWith(String text) {
    return parts[0].startsWith(text);
  }

  /** Whether the literal text of this pattern contains one of the given characters. */
  boolean containsAny(String chars) {
    for (String part : parts) {
      for (int i = 0; i < part.length(); i++) {
        if (chars.indexOf(part.charAt(i)) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public int compareTo(Pattern other) {
    return compareCodePoints(sortKey(), other.sortKey());
  }

  /** Python's string order: by code point, which differs from UTF-16 order above U+FFFF. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pattern other && Arrays.equals(parts, other.parts);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return sortKey();
  }
}
