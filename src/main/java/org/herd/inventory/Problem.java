package org.herd.inventory;

import java.util.Comparator;

/**
 * One mistake in an inventory, with where it was made. Shown as {@code FILE:LINE:COL: message}, the
 * form compilers use, so editors can jump to it.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong, and what to do when herd can tell
 */
public record Problem(String file, int line, int column, String message) {

  /** Orders problems as they appear in their files. */
  public static final Comparator<Problem> IN_FILE_ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column);

  /** A problem at {@code position}. */
  public static Problem at(Position position, String message) {
    return new Problem(position.file(), position.line(), position.column(), message);
  }

  /** Where the problem is. */
  public Position position() {
    return new Position(file, line, column);
  }

  /** {@code FILE:LINE:COL: message}. */
  @Override
  public String toString() {
    return position() + ": " + message;
  }
}
