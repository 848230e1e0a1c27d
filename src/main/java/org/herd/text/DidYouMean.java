package org.herd.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the word a user probably meant, by edit distance (optimal string alignment, so a swapped
 * pair of letters counts as one edit: {@code prot} → {@code port}), or because it is the start of a
 * candidate ({@code child} → {@code children}). Candidates are looked at in sorted order, so that a
 * tie has the same answer whatever the order of the collection (a {@code Set.of} has none).
 * Inventory and recipe errors both use it.
 */
public final class DidYouMean {

  private DidYouMean() {}

  /** The closest candidate, if it is close enough to be a plausible typo. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    for (String candidate : candidates.stream().sorted().toList()) {
      String c = candidate.toLowerCase(Locale.ROOT);
      // A shortened or lengthened word (child, childrens) is as good as one typo.
      int d = w.length() >= 3 && (c.startsWith(w) || w.startsWith(c)) ? 1 : distance(w, c);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return best != null && bestDistance <= allowed && bestDistance < word.length()
        ? Optional.of(best)
        : Optional.empty();
  }

  /** {@code "; did you mean `x`?"} or nothing. */
  public static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "; did you mean `" + c + "`?").orElse("");
  }

  static int distance(String a, String b) {
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
