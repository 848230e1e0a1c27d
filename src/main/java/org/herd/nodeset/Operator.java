package org.herd.nodeset;

/** The operators of node-set expressions, evaluated from left to right as ClusterShell does. */
enum Operator {
  /** {@code ,} */
  UNION(','),
  /** {@code !} */
  DIFFERENCE('!'),
  /** {@code &} */
  INTERSECTION('&'),
  /** {@code ^} */
  SYMMETRIC_DIFFERENCE('^');

  private final char symbol;

  Operator(char symbol) {
    this.symbol = symbol;
  }

  char symbol() {
    return symbol;
  }

  /** The operator written {@code c}, or null if {@code c} is not an operator. */
  static Operator of(char c) {
    return switch (c) {
      case ',' -> UNION;
      case '!' -> DIFFERENCE;
      case '&' -> INTERSECTION;
      case '^' -> SYMMETRIC_DIFFERENCE;
      default -> null;
    };
  }
}
