package org.herd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.herd.nodeset.NodeSetException;
import org.herd.text.TextFile;

/**
 * A host file of {@code --hostfile} ({@code --machinefile}), read as clush reads it: node sets
 * separated by whitespace and newlines ({@code n[1-4] db1}, one host per line from a batch
 * scheduler), all unioned. There are no comments: clush has none.
 */
final class HostFile {

  /** The most bytes a host file may have: far more than 100,000 host names. */
  static final long MAX_BYTES = 16L << 20;

  private HostFile() {}

  /** A node set of the file and where it starts: line and column, from 1. */
  private record Word(String text, int line, int column) {}

  /**
   * The hosts of {@code file}.
   *
   * @param shown the file as the operator named it, for messages
   * @throws UserError when the file cannot be read, or a node set in it is malformed ({@code
   *     FILE:LINE:COL: what})
   */
  static NodeSet read(Path file, String shown, GroupResolver groups) {
    String text;
    try {
      text = TextFile.read(file, "host file", MAX_BYTES);
    } catch (TextFile.Unreadable e) {
      throw new UserError("--hostfile " + shown + ": " + e.getMessage());
    }
    List<Word> words = words(text);
    try {
      return NodeSet.parseAll(words.stream().map(Word::text).toList(), groups);
    } catch (NodeSetException e) {
      for (Word word : words) {
        try {
          NodeSet.parse(word.text(), groups);
        } catch (NodeSetException bad) {
          int column = word.column() + Math.max(bad.column(), 1) - 1;
          throw new UserError(
              shown + ":" + word.line() + ":" + column + ": " + bad.withoutColumn());
        }
      }
      throw new UserError(shown + ": " + e.getMessage());
    }
  }

  /** The whitespace-separated words of {@code text}, with where each starts. */
  private static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      words.add(new Word(text.substring(start, i), line, start - lineStart + 1));
    }
    return words;
  }
}
