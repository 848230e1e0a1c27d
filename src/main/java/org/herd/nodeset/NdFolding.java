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
 * vectors (largest first, then by the length, first and last index string of each dimension), and
 * merge two vectors whenever they differ in exactly one dimension. Cheap passes merge only
 * neighbours; when a cheap pass merges nothing, every pair is tried, until nothing changes. The
 * vectors stay pairwise disjoint, so two vectors that differ in one dimension always merge there.
 *
 * <p>A set that is a full cartesian product always ends up as that single vector, so it is
 * recognised up front. Otherwise the merges accumulate the indexes of the growing dimension in a
 * buffer and sort them once, which keeps long runs linear.
 */
final class NdFolding {

  private NdFolding() {}

  /** The vectors of {@code tuples}, in the order ClusterShell prints them. */
  static List<RangeSet[]> fold(int dimensions, Set<Tuple> tuples) {
    if (tuples.isEmpty()) {
      return List.of();
    }
    RangeSet[] product = productOf(dimensions, tuples);
    if (product != null) {
      return List.<RangeSet[]>of(product);
    }
    List<Vector> vectors = new ArrayList<>(tuples.size());
    for (Tuple tuple : tuples) {
      RangeSet[] ranges = new RangeSet[dimensions];
      for (int d = 0; d < dimensions; d++) {
        ranges[d] = RangeSet.single(tuple.keys[d]);
      }
      vectors.add(new Vector(ranges));
    }
    boolean full = false;
    boolean changed = true;
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

  /** The vector of {@code tuples} if they are a full cartesian product, else null. */
  private static RangeSet[] productOf(int dimensions, Set<Tuple> tuples) {
    RangeSet[] ranges = new RangeSet[dimensions];
    long size = 1;
    for (int d = 0; d < dimensions; d++) {
      long[] keys = new long[tuples.size()];
      int n = 0;
      for (Tuple tuple : tuples) {
        keys[n++] = tuple.keys[d];
      }
      ranges[d] = RangeSet.of(keys, n);
      size *= ranges[d].size();
      if (size > tuples.size()) {
        return null;
      }
    }
    return size == tuples.size() ? ranges : null;
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

  /** Tries every vector against every later one. */
  private static boolean fullPass(List<Vector> vectors) {
    boolean changed = false;
    int n = vectors.size();
    boolean[] gone = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (gone[i]) {
        continue;
      }
      Vector current = vectors.get(i);
      for (int j = i + 1; j < n; j++) {
        if (!gone[j] && current.absorb(vectors.get(j))) {
          gone[j] = true;
          changed = true;
        }
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
        int c = Long.compare(b.size(), a.size());
        if (c != 0) {
          return c;
        }
        RangeSet[] x = a.ranges();
        RangeSet[] y = b.ranges();
        for (int d = 0; d < x.length; d++) {
          c = Integer.compare(y[d].size(), x[d].size());
          if (c == 0) {
            c = a.first(d).compareTo(b.first(d));
          }
          if (c == 0) {
            c = a.last(d).compareTo(b.last(d));
          }
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  /**
   * A vector being merged. Merges along one dimension append to a buffer, which is sorted only when
   * that dimension is looked at as a set.
   */
  private static final class Vector {
    private final RangeSet[] ranges;
    private int growing = -1;
    private long[] buffer;
    private int buffered;
    private String[] firsts;
    private String[] lasts;

    Vector(RangeSet[] ranges) {
      this.ranges = ranges;
    }

    RangeSet[] ranges() {
      settle();
      return ranges;
    }

    long size() {
      long size = 1;
      for (int d = 0; d < ranges.length; d++) {
        size *= sizeOf(d);
      }
      return size;
    }

    private int sizeOf(int d) {
      return d == growing ? buffered : ranges[d].size();
    }

    String first(int d) {
      if (firsts == null) {
        strings();
      }
      return firsts[d];
    }

    String last(int d) {
      if (lasts == null) {
        strings();
      }
      return lasts[d];
    }

    private void strings() {
      settle();
      firsts = new String[ranges.length];
      lasts = new String[ranges.length];
      for (int d = 0; d < ranges.length; d++) {
        firsts[d] = IndexKey.toString(ranges[d].first());
        lasts[d] = ranges[d].size() == 1 ? firsts[d] : IndexKey.toString(ranges[d].last());
      }
    }

    private void settle() {
      if (growing >= 0) {
        ranges[growing] = RangeSet.of(buffer, buffered);
        growing = -1;
        buffer = null;
      }
    }

    /** Merges {@code other} into this vector if they differ in exactly one dimension. */
    boolean absorb(Vector other) {
      RangeSet[] theirs = other.ranges();
      int differing = -1;
      for (int d = 0; d < ranges.length; d++) {
        boolean equal;
        if (d == growing) {
          equal = buffered == theirs[d].size() && ranges()[d].equals(theirs[d]);
        } else {
          equal = ranges[d].equals(theirs[d]);
        }
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
      firsts = null;
      lasts = null;
      return true;
    }
  }
}
