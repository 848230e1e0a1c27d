package org.herd.inventory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An inventory that cannot be used, with every problem found in it, not only the first, so that a
 * user fixes them all in one go.
 */
public final class InventoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  /** Creates the exception; {@code problems} must not be empty. */
  public InventoryException(List<Problem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an inventory exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public InventoryException(Position position, String message) {
    this(List.of(Problem.at(position, message)));
  }

  /** Every problem, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
