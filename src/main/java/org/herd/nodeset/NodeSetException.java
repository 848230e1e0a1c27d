package org.herd.nodeset;

/**
 * A node-set expression that cannot be evaluated: a syntax error, a bad range, an unknown group or
 * a group that includes itself. The message says what is wrong and where, for example {@code bad
 * range "3-1" at column 3: start is greater than end}.
 */
public final class NodeSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int column;
  private final String withoutColumn;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where, shown to the user as is
   * @param column the 1-based column of the problem in the expression, or 0 when it has none
   */
  public NodeSetException(String message, int column) {
    this(message, column, message);
  }

  private NodeSetException(String message, int column, String withoutColumn) {
    super(message);
    this.column = column;
    this.withoutColumn = withoutColumn;
  }

  /**
   * The message without its {@code at column N}, for callers that say where themselves ({@code
   * FILE:LINE:COL: bad range "9-2": start is greater than end}).
   */
  public String withoutColumn() {
    return withoutColumn;
  }

  /** The 1-based column of the problem in the expression, or 0 when it has none. */
  public int column() {
    return column;
  }

  /** {@code what "part" at column N: detail}, leaving out what is absent. */
  static NodeSetException at(String what, String part, int column, String detail) {
    String subject = part == null ? what : what + " \"" + part + '"';
    String reason = detail == null ? "" : ": " + detail;
    String where = column > 0 ? " at column " + column : "";
    return new NodeSetException(subject + where + reason, column, subject + reason);
  }
}
