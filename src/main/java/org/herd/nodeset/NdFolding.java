package org.herd.nodeset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Folds a set of multi-dimensional indexes into vectors (cartesian products of {@link RangeSet}s)
 * exactly as ClusterShell 1.9 does, so that {@code herd nodeset -f} prints what {@code nodeset -f}
 * prints, including which dimension gets folded when several could be.
 *
 * <p>ClusterShell's multivariate fold is a greedy merge: start from one vector per node, sort the
 * vectors (more nodes first, then dimension by dimension: more indexes first, then by the string of
 * the first index, then of the last), and merge two vectors whenever they differ in exactly one
 * dimension. Cheap passes merge only neighbours; when a cheap pass merges nothing, every pair is
 * tried, until nothing changes. The vectors stay pairwise disjoint, so two vectors that differ in
 * one dimension always merge there.
 *
 * <p>Doing that fast: a set that is a full cartesian product always ends up as that one vector, so
 * it is recognised up front; index strings are compared through their rank in string order,
 * computed once per distinct index, so the first sort is a sort of packed longs; merges along one
 * dimension append to a buffer that is sorted once.
 */
final class NdFolding {

  private final int dimensions;
  private final long[][] keys; // per dimension, the distinct keys in numeric (key) order
  private final int[][] ranks; // per dimension, the rank of keys[d][i] in string order

  private NdFolding(int dimensions, RangeSet[] distinct) {
    this.dimensions = dimensions;
    this.keys = new long[dimensions][];
    this.ranks = new int[dimensions][];
    for (int d = 0; d < dimensions; d++) {
      int n = distinct[d].size();
      Integer[] order = new Integer[n];
      String[] strings = new String[n];
      keys[d] = new long[n];
      for (int i = 0; i < n; i++) {
        keys[d][i] = distinct[d].key(i);
        strings[i] = IndexKey.toString(keys[d][i]);
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparing(i -> strings[i]));
      ranks[d] = new int[n];
      for (int r = 0; r < n; r++) {
        ranks[d][order[r]] = r;
      }
    }
  }

  /** The vectors of {@code tuples}, in the order ClusterShell prints them. */
  static List<RangeSet[]> fold(int dimensions, Set<Tuple> tuples) {
    if (tuples.isEmpty()) {
      return List.of();
    }
    RangeSet[] distinct = new RangeSet[dimensions];
    long size = 1;
    for (int d = 0; d < dimensions; d++) {
      long[] all = new long[tuples.size()];
      int n = 0;
      for (Tuple tuple : tuples) {
        all[n++] = tuple.keys[d];
      }
      distinct[d] = RangeSet.of(all, n);
      size = Math.min(size * distinct[d].size(), Long.MAX_VALUE / Integer.MAX_VALUE);
    }
    if (size == tuples.size()) {
      return List.<RangeSet[]>of(distinct);
    }
    return new NdFolding(dimensions, distinct).merge(tuples);
  }

  private int rank(int d, long key) {
    return ranks[d][Arrays.binarySearch(keys[d], key)];
  }

  private List<RangeSet[]> merge(Set<Tuple> tuples) {
    List<Vector> vectors = singletons(tuples);
    // The first pass needs no sort: singletons() returns them in order.
    boolean full = false;
    boolean changed = neighbourPass(vectors);
    if (!changed) {
      changed = full = true;
    }
    while (changed) {
      vectors.sort(ORDER);
      changed = full ? fullPass(vectors) : neighbourPass(vectors);
      if (!changed && !full) {
        changed = full = true;
      }
    }
    List<RangeSet[]> result = new ArrayList<>(vectors.size());
    for (Vector vector : vectors) {
      result.add(vector.ranges());
    }
    return result;
  }

  /**
   * One vector per node, already in ClusterShell's first order: all have one node, so the order is
   * that of the index strings, dimension by dimension, which ranks packed into a long give.
   */
  private List<Vector> singletons(Set<Tuple> tuples) {
    int[] bits = new int[dimensions];
    int total = 0;
    for (int d = 0; d < dimensions; d++) {
      bits[d] = 64 - Long.numberOfLeadingZeros(Math.max(1, keys[d].length - 1));
      total += bits[d];
    }
    List<Vector> vectors = new ArrayList<>(tuples.size());
    if (total > 63) {
      for (Tuple tuple : tuples) {
        vectors.add(singleton(tuple.keys));
      }
      vectors.sort(ORDER);
      return vectors;
    }
    long[] packed = new long[tuples.size()];
    int n = 0;
    for (Tuple tuple : tuples) {
      long p = 0;
      for (int d = 0; d < dimensions; d++) {
        p = (p << bits[d]) | Arrays.binarySearch(keys[d], tuple.keys[d]);
      }
      packed[n++] = p;
    }
    // Packing indexes in numeric order, then sorting by rank: map index -> rank before sorting.
    for (int i = 0; i < n; i++) {
      long p = packed[i];
      long q = 0;
      int shift = 0;
      for (int d = dimensions - 1; d >= 0; d--) {
        int index = (int) ((p >>> shift) & ((1L << bits[d]) - 1));
        q |= (long) ranks[d][index] << shift;
        shift += bits[d];
      }
      packed[i] = q;
    }
    Arrays.sort(packed);
    int[][] keyOfRank = new int[dimensions][];
    for (int d = 0; d < dimensions; d++) {
      keyOfRank[d] = new int[ranks[d].length];
      for (int i = 0; i < ranks[d].length; i++) {
        keyOfRank[d][ranks[d][i]] = i;
      }
    }
    long[] tuple = new long[dimensions];
    for (long q : packed) {
      int shift = 0;
      for (int d = dimensions - 1; d >= 0; d--) {
        int rank = (int) ((q >>> shift) & ((1L << bits[d]) - 1));
        tuple[d] = keys[d][keyOfRank[d][rank]];
        shift += bits[d];
      }
      vectors.add(singleton(tuple));
    }
    return vectors;
  }

  private Vector singleton(long[] tuple) {
    RangeSet[] ranges = new RangeSet[dimensions];
    for (int d = 0; d < dimensions; d++) {
      ranges[d] = RangeSet.single(tuple[d]);
    }
    return new Vector(ranges);
  }

  /** Merges each vector into its predecessor while they differ in one dimension. */
  private static boolean neighbourPass(List<Vector> vectors) {
    boolean changed = false;
    List<Vector> merged = new ArrayList<>(vectors.size());
    Vector current = vectors.get(0);
    for (int i = 1; i < vectors.size(); i++) {
      Vector next = vectors.get(i);
      if (current.absorb(next)) {
        changed = true;
      } else {
        merged.add(current);
        current = next;
      }
    }
    merged.add(current);
    vectors.clear();
    vectors.addAll(merged);
    return changed;
  }

  /**
   * Tries every vector against every later one, in order: vector i absorbs the first later vector
   * that differs from it in one dimension, then the first one after that, and so on. The candidates
   * come from a {@link SignatureIndex} rather than from comparing all pairs.
   */
  private boolean fullPass(List<Vector> vectors) {
    boolean changed = false;
    int n = vectors.size();
    List<RangeSet[]> ranges = new ArrayList<>(n);
    for (Vector vector : vectors) {
      ranges.add(vector.ranges());
    }
    SignatureIndex index = new SignatureIndex(ranges, dimensions);
    boolean[] gone = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (gone[i]) {
        continue;
      }
      Vector current = vectors.get(i);
      int position = i;
      int next;
      while ((next = index.next(current.ranges(), position, gone)) >= 0) {
        current.absorb(vectors.get(next));
        gone[next] = true;
        changed = true;
        position = next;
      }
    }
    if (changed) {
      List<Vector> kept = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (!gone[i]) {
          kept.add(vectors.get(i));
        }
      }
      vectors.clear();
      vectors.addAll(kept);
    }
    return changed;
  }

  /**
   * ClusterShell's vector order: more nodes first; then, dimension by dimension, more indexes
   * first, then the smaller first index string, then the smaller last index string.
   */
  private static final Comparator<Vector> ORDER =
      (a, b) -> {
        a.settle();
        b.settle();
        int c = Long.compare(b.size, a.size);
        for (int d = 0; c == 0 && d < a.ranges.length; d++) {
          c = Integer.compare(b.ranges[d].size(), a.ranges[d].size());
          if (c == 0) {
            c = Integer.compare(a.firstRanks[d], b.firstRanks[d]);
          }
          if (c == 0) {
            c = Integer.compare(a.lastRanks[d], b.lastRanks[d]);
          }
        }
        return c;
      };

  /**
   * A vector being merged. Merges along one dimension append to a buffer, which is sorted only when
   * that dimension is looked at as a set.
   */
  private final class Vector {
    private final RangeSet[] ranges;
    private int growing = -1;
    private long[] buffer;
    private int buffered;
    private long size;
    private final int[] firstRanks;
    private final int[] lastRanks;

    Vector(RangeSet[] ranges) {
      this.ranges = ranges;
      this.firstRanks = new int[ranges.length];
      this.lastRanks = new int[ranges.length];
      describe();
    }

    RangeSet[] ranges() {
      settle();
      return ranges;
    }

    /** Sorts the growing dimension into a set and refreshes the sort keys. */
    void settle() {
      if (growing >= 0) {
        ranges[growing] = RangeSet.of(buffer, buffered);
        growing = -1;
        buffer = null;
        describe();
      }
    }

    private void describe() {
      size = 1;
      for (int d = 0; d < ranges.length; d++) {
        size *= ranges[d].size();
        firstRanks[d] = rank(d, ranges[d].first());
        lastRanks[d] = rank(d, ranges[d].last());
      }
    }

    /** Merges {@code other} into this vector if they differ in exactly one dimension. */
    boolean absorb(Vector other) {
      RangeSet[] theirs = other.ranges();
      int differing = -1;
      for (int d = 0; d < ranges.length; d++) {
        boolean equal =
            d == growing
                ? buffered == theirs[d].size() && ranges()[d].equals(theirs[d])
                : ranges[d].equals(theirs[d]);
        if (!equal) {
          if (differing >= 0) {
            return false;
          }
          differing = d;
        }
      }
      if (differing < 0) {
        return true;
      }
      if (differing != growing) {
        settle();
        RangeSet start = ranges[differing];
        buffer = new long[Math.max(16, 2 * (start.size() + theirs[differing].size()))];
        buffered = 0;
        for (int i = 0; i < start.size(); i++) {
          buffer[buffered++] = start.key(i);
        }
        growing = differing;
      }
      RangeSet added = theirs[differing];
      if (buffered + added.size() > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, buffered + added.size()));
      }
      for (int i = 0; i < added.size(); i++) {
        buffer[buffered++] = added.key(i);
      }
      return true;
    }
  }
}
