package org.herd.nodeset;

import java.util.List;
import java.util.function.Consumer;

/** The "indexes" of a node name without digits: the name is there or it is not. */
enum NoIndex implements IndexSet {
  /** The node is in the set. */
  PRESENT,
  /** The node is not in the set. */
  ABSENT;

  @Override
  public int dimensions() {
    return 0;
  }

  @Override
  public int size() {
    return this == PRESENT ? 1 : 0;
  }

  @Override
  public boolean isEmpty() {
    return this == ABSENT;
  }

  @Override
  public boolean containsIndexes(long[] indexes) {
    return this == PRESENT && indexes.length == 0;
  }

  private static NoIndex of(boolean present) {
    return present ? PRESENT : ABSENT;
  }

  @Override
  public IndexSet union(IndexSet other) {
    return of(!isEmpty() || !other.isEmpty());
  }

  @Override
  public IndexSet intersection(IndexSet other) {
    return of(!isEmpty() && !other.isEmpty());
  }

  @Override
  public IndexSet difference(IndexSet other) {
    return of(!isEmpty() && other.isEmpty());
  }

  @Override
  public IndexSet symmetricDifference(IndexSet other) {
    return of(isEmpty() != other.isEmpty());
  }

  @Override
  public void fold(Pattern pattern, int autostep, Consumer<String> out) {
    expand(pattern, out);
  }

  @Override
  public IndexSet at(int[] positions) {
    return of(this == PRESENT && positions.length > 0);
  }

  @Override
  public List<IndexSet> contiguous(int autostep) {
    return this == PRESENT ? List.of(PRESENT) : List.of();
  }

  @Override
  public void expand(Pattern pattern, Consumer<String> out) {
    if (this == PRESENT) {
      out.accept(pattern.format());
    }
  }
}
