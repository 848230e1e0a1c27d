package org.herd.text;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quoting for POSIX shells, the one way herd writes a word into a shell line (remote commands,
 * probes, recipe templates): words made only of characters no shell treats specially ({@code
 * A-Za-z0-9_@%+=:,./-}) are left bare so that generated commands stay readable; anything else is
 * put in single quotes, inside which the shell interprets nothing, an embedded single quote written
 * {@code '\''}. The result always expands to exactly one word equal to the input, in argument
 * position.
 */
public final class ShellWords {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  /**
   * One word, quoted.
   *
   * @throws IllegalArgumentException when the word contains NUL, which no shell word can hold
   */
  public static String quote(String word) {
    if (word.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell word cannot contain a NUL byte");
    }
    if (!word.isEmpty() && SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** A command line of words, each quoted, separated by spaces. */
  public static String command(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }
}
