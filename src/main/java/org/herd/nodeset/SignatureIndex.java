package org.herd.nodeset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, among vectors at known positions, the next one that differs from a given vector in exactly
 * one dimension, without comparing it with every vector: for each dimension, vectors are grouped by
 * their ranges in all the other dimensions.
 *
 * <p>This turns ClusterShell's pass that tries every pair of vectors (quadratic, and slow on sets
 * such as {@code r1n1,r2n2,…} where nothing merges) into hash lookups, visiting candidates in the
 * same order as the pairwise scan would.
 */
final class SignatureIndex {

  private final List<Map<Signature, int[]>> groups;

  /** Indexes the vectors at positions {@code 0..vectors.size()-1}; they must not change. */
  SignatureIndex(List<RangeSet[]> vectors, int dimensions) {
    Map<Signature, int[]>[] maps = newMaps(dimensions);
    for (int d = 0; d < dimensions; d++) {
      Map<Signature, int[]> map = new HashMap<>();
      for (int position = 0; position < vectors.size(); position++) {
        Signature key = new Signature(vectors.get(position).clone(), d);
        int[] list = map.get(key);
        if (list == null) {
          map.put(key, new int[] {1, position});
        } else {
          if (list[0] + 1 == list.length) {
            list = Arrays.copyOf(list, 2 * list.length);
            map.put(key, list);
          }
          list[++list[0]] = position;
        }
      }
      maps[d] = map;
    }
    this.groups = List.of(maps);
  }

  @SuppressWarnings("unchecked")
  private static Map<Signature, int[]>[] newMaps(int n) {
    return (Map<Signature, int[]>[]) new Map<?, ?>[n];
  }

  /**
   * The smallest position after {@code after}, not {@code gone}, of a vector equal to {@code
   * ranges} in every dimension but one; -1 if there is none.
   */
  int next(RangeSet[] ranges, int after, boolean[] gone) {
    int best = -1;
    for (int d = 0; d < groups.size(); d++) {
      int[] list = groups.get(d).get(new Signature(ranges, d));
      if (list == null) {
        continue;
      }
      // list[0] is the count; positions follow in ascending order.
      int i = Arrays.binarySearch(list, 1, list[0] + 1, after + 1);
      for (i = i >= 0 ? i : -i - 1; i <= list[0]; i++) {
        int position = list[i];
        if (best >= 0 && position >= best) {
          break;
        }
        if (!gone[position]) {
          best = position;
          break;
        }
      }
    }
    return best;
  }

  /** A vector's ranges with one dimension left out, as a hash key. */
  private static final class Signature {
    private final RangeSet[] ranges;
    private final int skipped;
    private final int hash;

    Signature(RangeSet[] ranges, int skipped) {
      this.ranges = ranges;
      this.skipped = skipped;
      int h = skipped;
      for (int d = 0; d < ranges.length; d++) {
        if (d != skipped) {
          h = 31 * h + ranges[d].hashCode();
        }
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Signature other) || other.hash != hash || other.skipped != skipped) {
        return false;
      }
      for (int d = 0; d < ranges.length; d++) {
        if (d != skipped && !ranges[d].equals(other.ranges[d])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
