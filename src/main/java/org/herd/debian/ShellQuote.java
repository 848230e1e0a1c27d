package org.herd.debian;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for POSIX shells: every word is put in single quotes, inside which the shell interprets
 * nothing; an embedded single quote becomes {@code '\''}. Words that are made only of characters no
 * shell treats specially are left bare, so generated commands stay readable.
 */
public final class ShellQuote {

  private ShellQuote() {}

  /** One word, quoted. */
  public static String quote(String word) {
    if (!word.isEmpty() && word.chars().allMatch(ShellQuote::isPlain)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** A command line of words, each quoted, separated by spaces. */
  public static String command(List<String> words) {
    return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }

  private static boolean isPlain(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "+-./:@_,%".indexOf(c) >= 0;
  }
}
