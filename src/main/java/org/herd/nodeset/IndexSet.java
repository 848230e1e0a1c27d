package org.herd.nodeset;

import java.util.List;
import java.util.function.Consumer;

/**
 * The indexes of the nodes of one {@link Pattern}: none for a name without digits, a {@link
 * RangeSet} for one dimension, a {@link RangeSetNd} for several. Operations only combine index sets
 * of the same pattern, hence of the same kind.
 */
sealed interface IndexSet permits NoIndex, RangeSet, RangeSetNd {

  int dimensions();

  int size();

  boolean isEmpty();

  boolean containsIndexes(long[] indexes);

  IndexSet union(IndexSet other);

  IndexSet intersection(IndexSet other);

  IndexSet difference(IndexSet other);

  IndexSet symmetricDifference(IndexSet other);

  /**
   * Emits the folded strings of these nodes, in ClusterShell's order.
   *
   * @param autostep the fewest equally spaced indexes folded as {@code a-b/step}, or {@link
   *     NodeSet#NO_AUTOSTEP}
   */
  void fold(Pattern pattern, int autostep, Consumer<String> out);

  /**
   * The nodes at the given positions in expand order.
   *
   * @param positions distinct positions in increasing order, each below {@link #size()}
   */
  IndexSet at(int[] positions);

  /**
   * The contiguous pieces of these nodes, as ClusterShell's {@code contiguous()} cuts them.
   *
   * @param autostep as for {@link #fold}: ClusterShell lets its last stepped run stay whole
   */
  List<IndexSet> contiguous(int autostep);

  /** Emits every node name, in ClusterShell's order. */
  void expand(Pattern pattern, Consumer<String> out);
}
