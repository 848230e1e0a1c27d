package org.herd.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one load, so that readers and the resolver keep going after a mistake
 * and report everything at once. One instance per load; not shared between threads.
 */
final class Problems {

  private final List<Problem> problems = new ArrayList<>();

  void add(Position position, String message) {
    problems.add(Problem.at(position, message));
  }

  void addAll(List<Problem> more) {
    problems.addAll(more);
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  int size() {
    return problems.size();
  }

  /** Throws every collected problem, in file order, if there are any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Problem.IN_FILE_ORDER);
      throw new InventoryException(sorted.stream().distinct().toList());
    }
  }
}
