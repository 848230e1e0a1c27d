package org.herd.inventory;

/**
 * Where something was written: a file and a 1-based line and column. Line or column 0 means unknown
 * (a whole file, or a line-oriented format that reports no column).
 *
 * @param file the file as the user named it, so messages point where the user looks
 * @param line 1-based line, or 0
 * @param column 1-based column, or 0
 */
public record Position(String file, int line, int column) {

  /** The position of a whole file. */
  public static Position of(String file) {
    return new Position(file, 0, 0);
  }

  /** {@code FILE:LINE:COL}, leaving out what is unknown. */
  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
  }
}
