package org.herd.recipe;

/**
 * Where something is in a recipe file, shown as {@code FILE:LINE:COL} like compilers do.
 *
 * @param file the file as the user named it (or {@code builtin:NAME.yaml})
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourcePosition(String file, int line, int column) {

  /** The start of {@code file}, for problems about the whole file. */
  public static SourcePosition of(String file) {
    return new SourcePosition(file, 0, 0);
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
