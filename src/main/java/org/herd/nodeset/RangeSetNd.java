package org.herd.nodeset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An immutable set of multi-dimensional node indexes, such as the {@code (1-2, 1-3)} of {@code
 * dc[1-2]n[1-3]}.
 *
 * <p>A set is kept as one vector (a cartesian product of {@link RangeSet}s, which is what a parsed
 * {@code dc[1-2]n[1-3]} is, so counting it does not enumerate it) or as a hash set of {@link
 * Tuple}s once an operation makes it irregular. Its folded form, a list of vectors in
 * ClusterShell's order, is computed once by {@link NdFolding} and cached.
 */
final class RangeSetNd implements IndexSet {

  private final int dimensions;
  private final RangeSet[] product;
  private final Set<Tuple> tuples;
  private volatile List<RangeSet[]> vectors;

  private RangeSetNd(int dimensions, RangeSet[] product, Set<Tuple> tuples) {
    this.dimensions = dimensions;
    this.product = product;
    this.tuples = tuples;
  }

  /** The cartesian product of the given index sets, none of them empty. */
  static RangeSetNd product(RangeSet[] ranges) {
    return new RangeSetNd(ranges.length, ranges.clone(), null);
  }

  /** The set of the given tuples; the set is owned by the result from now on. */
  static RangeSetNd ofTuples(int dimensions, Set<Tuple> tuples) {
    return new RangeSetNd(dimensions, null, tuples);
  }

  /** The union of many sets of the same dimensions, in one pass. */
  static RangeSetNd unionAll(List<RangeSetNd> sets) {
    if (sets.size() == 1) {
      return sets.get(0);
    }
    int total = 0;
    for (RangeSetNd set : sets) {
      total += set.size();
    }
    Set<Tuple> all = new HashSet<>(Math.max(16, (int) (total / 0.75f) + 1));
    for (RangeSetNd set : sets) {
      set.forEachTuple(all::add);
    }
    return ofTuples(sets.get(0).dimensions, all);
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  @Override
  public int size() {
    if (product != null) {
      long size = 1;
      for (RangeSet range : product) {
        size *= range.size();
      }
      return Math.toIntExact(size);
    }
    return tuples.size();
  }

  @Override
  public boolean isEmpty() {
    return product == null && tuples.isEmpty();
  }

  @Override
  public boolean containsIndexes(long[] indexes) {
    if (indexes.length != dimensions) {
      return false;
    }
    if (product != null) {
      for (int i = 0; i < dimensions; i++) {
        if (!product[i].contains(indexes[i])) {
          return false;
        }
      }
      return true;
    }
    return tuples.contains(new Tuple(indexes));
  }

  /**
   * The most tuples an operation enumerates out of a product: a tuple costs a hundred times what a
   * one-dimensional index does, so a few million exhaust the memory.
   */
  static final int MAX_ENUMERATED = 1_000_000;

  /**
   * Calls {@code action} with every tuple, in no particular order.
   *
   * @throws NodeSetException when that would enumerate a product of more than {@link
   *     #MAX_ENUMERATED} tuples
   */
  void forEachTuple(Consumer<Tuple> action) {
    if (product == null) {
      tuples.forEach(action);
      return;
    }
    if (size() > MAX_ENUMERATED) {
      throw NodeSetException.at(
          "too many nodes",
          null,
          0,
          "set operations on ranges of several dimensions take at most "
              + MAX_ENUMERATED
              + " nodes");
    }
    forEachOfProduct(product, keys -> action.accept(new Tuple(keys.clone())));
  }

  /** Calls {@code action} with every tuple of a vector, last dimension varying fastest. */
  static void forEachOfProduct(RangeSet[] vector, Consumer<long[]> action) {
    int n = vector.length;
    int[] at = new int[n];
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = vector[i].key(0);
    }
    while (true) {
      action.accept(keys);
      int d = n - 1;
      while (d >= 0 && ++at[d] == vector[d].size()) {
        at[d] = 0;
        keys[d] = vector[d].key(0);
        d--;
      }
      if (d < 0) {
        return;
      }
      keys[d] = vector[d].key(at[d]);
    }
  }

  private Set<Tuple> tupleSet() {
    if (tuples != null) {
      return tuples;
    }
    Set<Tuple> all = new HashSet<>(Math.max(16, (int) (size() / 0.75f) + 1));
    forEachTuple(all::add);
    return all;
  }

  @Override
  public IndexSet union(IndexSet other) {
    RangeSetNd that = (RangeSetNd) other;
    if (product != null && that.product != null) {
      int differing = -1;
      for (int i = 0; i < dimensions; i++) {
        if (!product[i].equals(that.product[i])) {
          if (differing >= 0) {
            differing = -2;
            break;
          }
          differing = i;
        }
      }
      if (differing == -1) {
        return this;
      }
      if (differing >= 0) {
        RangeSet[] merged = product.clone();
        merged[differing] = product[differing].union(that.product[differing]);
        return new RangeSetNd(dimensions, merged, null);
      }
    }
    return unionAll(List.of(this, that));
  }

  @Override
  public IndexSet intersection(IndexSet other) {
    RangeSetNd that = (RangeSetNd) other;
    if (product != null && that.product != null) {
      RangeSet[] common = new RangeSet[dimensions];
      for (int i = 0; i < dimensions; i++) {
        common[i] = product[i].intersection(that.product[i]);
        if (common[i].isEmpty()) {
          return empty(dimensions);
        }
      }
      return new RangeSetNd(dimensions, common, null);
    }
    RangeSetNd small = size() <= that.size() ? this : that;
    RangeSetNd large = small == this ? that : this;
    Set<Tuple> common = new HashSet<>();
    small.forEachTuple(
        t -> {
          if (large.containsIndexes(t.keys)) {
            common.add(t);
          }
        });
    return of(common);
  }

  @Override
  public IndexSet difference(IndexSet other) {
    RangeSetNd that = (RangeSetNd) other;
    Set<Tuple> rest = new HashSet<>();
    forEachTuple(
        t -> {
          if (!that.containsIndexes(t.keys)) {
            rest.add(t);
          }
        });
    return of(rest);
  }

  @Override
  public IndexSet symmetricDifference(IndexSet other) {
    RangeSetNd that = (RangeSetNd) other;
    Set<Tuple> result = new HashSet<>();
    forEachTuple(
        t -> {
          if (!that.containsIndexes(t.keys)) {
            result.add(t);
          }
        });
    that.forEachTuple(
        t -> {
          if (!containsIndexes(t.keys)) {
            result.add(t);
          }
        });
    return of(result);
  }

  private IndexSet of(Set<Tuple> result) {
    return result.isEmpty() ? empty(dimensions) : ofTuples(dimensions, result);
  }

  /** The empty set of the given dimensions. */
  static RangeSetNd empty(int dimensions) {
    return new RangeSetNd(dimensions, null, Set.of());
  }

  /** The folded vectors, in ClusterShell's order. */
  List<RangeSet[]> vectors() {
    List<RangeSet[]> result = vectors;
    if (result == null) {
      result = product != null ? List.<RangeSet[]>of(product) : NdFolding.fold(dimensions, tuples);
      vectors = result;
    }
    return result;
  }

  @Override
  public void fold(Pattern pattern, int autostep, Consumer<String> out) {
    String[] slots = new String[dimensions];
    for (RangeSet[] vector : vectors()) {
      for (int i = 0; i < dimensions; i++) {
        slots[i] = vector[i].folded(autostep);
      }
      out.accept(pattern.format(slots));
    }
  }

  @Override
  public IndexSet at(int[] positions) {
    Set<Tuple> picked = new HashSet<>();
    long first = 0; // the position of the vector's first node
    int next = 0; // the next wanted position, in positions
    for (RangeSet[] vector : vectors()) {
      if (next == positions.length) {
        break;
      }
      long size = 1;
      for (RangeSet range : vector) {
        size *= range.size();
      }
      if (positions[next] < first + size) {
        long[] position = {first};
        int[] wanted = {next};
        forEachOfProduct(
            vector,
            keys -> {
              if (wanted[0] < positions.length && positions[wanted[0]] == position[0]) {
                picked.add(new Tuple(keys.clone()));
                wanted[0]++;
              }
              position[0]++;
            });
        next = wanted[0];
      }
      first += size;
    }
    return of(picked);
  }

  /**
   * Each folded vector cut into the contiguous pieces of its first dimension, each of those into
   * the pieces of the second, and so on, as ClusterShell's {@code RangeSetND.contiguous()} does.
   */
  @Override
  public List<IndexSet> contiguous(int autostep) {
    List<RangeSet[]> pieces = new ArrayList<>(vectors());
    for (int d = 0; d < dimensions; d++) {
      List<RangeSet[]> cut = new ArrayList<>();
      for (RangeSet[] vector : pieces) {
        for (IndexSet piece : vector[d].contiguous(autostep)) {
          RangeSet[] copy = vector.clone();
          copy[d] = (RangeSet) piece;
          cut.add(copy);
        }
      }
      pieces = cut;
    }
    List<IndexSet> result = new ArrayList<>(pieces.size());
    for (RangeSet[] vector : pieces) {
      result.add(product(vector));
    }
    return result;
  }

  @Override
  public void expand(Pattern pattern, Consumer<String> out) {
    StringBuilder buffer = new StringBuilder();
    for (RangeSet[] vector : vectors()) {
      forEachOfProduct(
          vector,
          keys -> {
            buffer.setLength(0);
            pattern.appendNode(buffer, keys);
            out.accept(buffer.toString());
          });
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RangeSetNd other) || other.dimensions != dimensions) {
      return false;
    }
    if (product != null && other.product != null) {
      return java.util.Arrays.equals(product, other.product);
    }
    return size() == other.size() && tupleSet().equals(other.tupleSet());
  }

  @Override
  public int hashCode() {
    return tupleSet().hashCode();
  }
}
