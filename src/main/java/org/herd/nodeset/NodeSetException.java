package org.herd.nodeset;

/**
 * A node-set expression that cannot be evaluated: a syntax error, a bad range, an unknown group or
 * a group that includes itself. The message says what is wrong and where, for example {@code bad
 * range "3-1" at column 3: start is greater than end}.
 */
public final class NodeSetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int column;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where, shown to the user as is
   * @param column the 1-based column of the problem in the expression, or 0 when it has none
   */
  public NodeSetException(String message, int column) {
    super(message);
    this.column = column;
  }

  /** The 1-based column of the problem in the expression, or 0 when it has none. */
  public int column() {
    return column;
  }

  /** {@code what "part" at column N: detail}, leaving out what is absent. */
  static NodeSetException at(String what, String part, int column, String detail) {
    StringBuilder message = new StringBuilder(what);
    if (part != null) {
      message.append(" \"").append(part).append('"');
    }
    if (column > 0) {
      message.append(" at column ").append(column);
    }
    if (detail != null) {
      message.append(": ").append(detail);
    }
    return new NodeSetException(message.toString(), column);
  }
}
