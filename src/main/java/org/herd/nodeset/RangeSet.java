package org.herd.nodeset;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An immutable set of node indexes of one dimension, such as the {@code 1-5,9} of {@code n[1-5,9]}:
 * a sorted array of {@link IndexKey}s, so that set algebra is a linear merge and folding is one
 * pass.
 *
 * <p>Folding follows ClusterShell 1.9 (without {@code autostep}): maximal runs of consecutive
 * values, where a run that starts with a zero-padded index only continues with indexes of the same
 * length ({@code 09-10}) and a run that starts unpadded only continues unpadded ({@code 9-10}).
 */
final class RangeSet implements IndexSet {

  static final RangeSet EMPTY = new RangeSet(new long[0]);

  private final long[] keys;
  private int hash;

  private RangeSet(long[] sortedUniqueKeys) {
    this.keys = sortedUniqueKeys;
  }

  /** A set of the given keys, in any order, duplicates allowed; the array is reused. */
  static RangeSet of(long[] keys, int count) {
    if (count == 0) {
      return EMPTY;
    }
    Arrays.sort(keys, 0, count);
    int unique = 1;
    for (int i = 1; i < count; i++) {
      if (keys[i] != keys[unique - 1]) {
        keys[unique++] = keys[i];
      }
    }
    return new RangeSet(unique == keys.length ? keys : Arrays.copyOf(keys, unique));
  }

  /** A set of one index. */
  static RangeSet single(long key) {
    return new RangeSet(new long[] {key});
  }

  /** A set of already sorted, duplicate-free keys; the array is not copied. */
  static RangeSet ofSorted(long[] sortedUniqueKeys) {
    return sortedUniqueKeys.length == 0 ? EMPTY : new RangeSet(sortedUniqueKeys);
  }

  @Override
  public int dimensions() {
    return 1;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  /** The key at {@code index} in ClusterShell's order. */
  long key(int index) {
    return keys[index];
  }

  long first() {
    return keys[0];
  }

  long last() {
    return keys[keys.length - 1];
  }

  boolean contains(long key) {
    return Arrays.binarySearch(keys, key) >= 0;
  }

  @Override
  public boolean containsIndexes(long[] indexes) {
    return indexes.length == 1 && contains(indexes[0]);
  }

  /** Whether the two sets share no index. */
  boolean disjoint(RangeSet other) {
    int i = 0;
    int j = 0;
    while (i < keys.length && j < other.keys.length) {
      long a = keys[i];
      long b = other.keys[j];
      if (a == b) {
        return false;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return true;
  }

  @Override
  public RangeSet union(IndexSet other) {
    return merge((RangeSet) other, true, true, true);
  }

  @Override
  public RangeSet intersection(IndexSet other) {
    return merge((RangeSet) other, false, true, false);
  }

  @Override
  public RangeSet difference(IndexSet other) {
    return merge((RangeSet) other, true, false, false);
  }

  @Override
  public RangeSet symmetricDifference(IndexSet other) {
    return merge((RangeSet) other, true, false, true);
  }

  /** A linear merge keeping the keys only here, in both, and only in {@code other}. */
  private RangeSet merge(RangeSet other, boolean onlyThis, boolean both, boolean onlyOther) {
    long[] a = keys;
    long[] b = other.keys;
    long[] out =
        new long
            [(onlyThis ? a.length : 0)
                + (onlyOther ? b.length : 0)
                + (both ? Math.min(a.length, b.length) : 0)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        if (both) {
          out[n++] = a[i];
        }
        i++;
        j++;
      } else if (a[i] < b[j]) {
        if (onlyThis) {
          out[n++] = a[i];
        }
        i++;
      } else {
        if (onlyOther) {
          out[n++] = b[j];
        }
        j++;
      }
    }
    if (onlyThis) {
      while (i < a.length) {
        out[n++] = a[i++];
      }
    }
    if (onlyOther) {
      while (j < b.length) {
        out[n++] = b[j++];
      }
    }
    return ofSorted(n == out.length ? out : Arrays.copyOf(out, n));
  }

  /** Appends the folded ranges, such as {@code 1-5,9}, without brackets. */
  void appendFolded(StringBuilder out) {
    int i = 0;
    while (i < keys.length) {
      long start = keys[i];
      boolean padded = IndexKey.padded(start);
      int length = IndexKey.length(start);
      int j = i;
      while (j + 1 < keys.length) {
        long next = keys[j + 1];
        if (IndexKey.value(next) != IndexKey.value(keys[j]) + 1) {
          break;
        }
        if (padded ? IndexKey.length(next) != length : IndexKey.padded(next)) {
          break;
        }
        j++;
      }
      if (i > 0) {
        out.append(',');
      }
      IndexKey.appendTo(out, start);
      if (j > i) {
        out.append('-');
        IndexKey.appendTo(out, keys[j]);
      }
      i = j + 1;
    }
  }

  /**
   * The folded ranges, in brackets when there are several indexes: {@code [1-5,9]} or {@code 7}.
   */
  String folded() {
    StringBuilder out = new StringBuilder();
    if (keys.length > 1) {
      out.append('[');
    }
    appendFolded(out);
    if (keys.length > 1) {
      out.append(']');
    }
    return out.toString();
  }

  @Override
  public void fold(Pattern pattern, Consumer<String> out) {
    out.accept(pattern.format(folded()));
  }

  @Override
  public void expand(Pattern pattern, Consumer<String> out) {
    StringBuilder buffer = new StringBuilder();
    for (long key : keys) {
      buffer.setLength(0);
      pattern.appendNode(buffer, new long[] {key});
      out.accept(buffer.toString());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RangeSet other && Arrays.equals(keys, other.keys);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(keys);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    appendFolded(out);
    return out.toString();
  }
}
