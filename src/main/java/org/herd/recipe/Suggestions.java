package org.herd.recipe;

import java.util.Collection;

/**
 * "Did you mean" for recipe keys and variables: the candidate closest by edit distance, if it is
 * close enough to be a typo, or that starts with the word. (The inventory has its own: the recipe
 * layer uses no other layer.)
 */
final class Suggestions {

  private Suggestions() {}

  /** {@code "; did you mean `x`?"} or nothing. */
  static String hint(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      String w = word.toLowerCase(java.util.Locale.ROOT);
      String c = candidate.toLowerCase(java.util.Locale.ROOT);
      int d = w.length() >= 3 && (c.startsWith(w) || w.startsWith(c)) ? 1 : distance(w, c);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    boolean close =
        best != null
            && bestDistance <= Math.max(2, word.length() / 3)
            && bestDistance < word.length();
    return close ? "; did you mean `" + best + "`?" : "";
  }

  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
