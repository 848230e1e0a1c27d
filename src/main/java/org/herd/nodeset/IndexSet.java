package org.herd.nodeset;

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

  /** Emits the folded strings of these nodes, in ClusterShell's order. */
  void fold(Pattern pattern, Consumer<String> out);

  /** Emits every node name, in ClusterShell's order. */
  void expand(Pattern pattern, Consumer<String> out);
}
