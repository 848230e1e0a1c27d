package org.herd.nodeset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * An immutable set of node indexes of one dimension, such as the {@code 1-5,9} of {@code n[1-5,9]}:
 * a sorted array of {@link IndexKey}s, so that set algebra is a linear merge and folding is one
 * pass.
 *
 * <p>Folding follows ClusterShell 1.9: maximal runs of consecutive values (or, with {@code
 * autostep}, equally spaced ones), where a run that starts with a zero-padded index only continues
 * with indexes of the same length ({@code 09-10}) and a run that starts unpadded only continues
 * unpadded ({@code 9-10}).
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

  /**
   * Appends the folded ranges, such as {@code 1-5,9} (or {@code 1-9/2} with {@code autostep}),
   * without brackets.
   *
   * @param autostep the fewest equally spaced indexes written as one {@code a-b/step} range
   *     (ClusterShell's {@code --autostep}); {@link NodeSet#NO_AUTOSTEP} for none
   */
  void appendFolded(StringBuilder out, int autostep) {
    int opening = out.length();
    scanRuns(
        autostep,
        autostep,
        (from, to, step) -> {
          if (out.length() > opening) {
            out.append(',');
          }
          IndexKey.appendTo(out, keys[from]);
          if (to != from) {
            out.append('-');
            IndexKey.appendTo(out, keys[to]);
            if (step > 1) {
              out.append('/').append(step);
            }
          }
        });
  }

  /** Receives the runs of {@link #scanRuns}: the keys from {@code from} to {@code to}. */
  @FunctionalInterface
  private interface RunSink {
    void run(int from, int to, long step);
  }

  /**
   * Cuts the sorted keys into runs, as ClusterShell's {@code RangeSet._slices_padding} does, quirks
   * included: a run remembers the padding of the index that opened it, and after an isolated index
   * the next run inherits that padding. So {@code 03,14-99,100} stays three pieces (the run from 14
   * counts as 2-digit padded, like 03, and stops before 100) while {@code 14-100} is one. A run
   * with a step above 1 is kept as one run when it has at least {@code threshold} indexes (the last
   * run: {@code lastThreshold}), and is otherwise cut into single indexes.
   */
  private void scanRuns(int threshold, int lastThreshold, RunSink sink) {
    if (keys.length == 0) {
      return;
    }
    int startAt = 0;
    long start = IndexKey.value(keys[0]);
    boolean padded = IndexKey.padded(keys[0]);
    int pad = IndexKey.length(keys[0]);
    int lastAt = 0;
    long last = start;
    long step = 0; // 0: no step yet (one index so far)
    for (int i = 1; i < keys.length; i++) {
      long key = keys[i];
      long value = IndexKey.value(key);
      boolean paddingMismatch = padded ? IndexKey.length(key) != pad : IndexKey.padded(key);
      boolean stepMismatch = !paddingMismatch && step != 0 && step != value - last;
      if (!paddingMismatch && !stepMismatch) {
        step = value - last;
        last = value;
        lastAt = i;
        continue;
      }
      if (kept(start, last, step, threshold)) {
        sink.run(startAt, lastAt, Math.max(step, 1));
        startAt = i;
        start = value;
        padded = IndexKey.padded(key);
        pad = IndexKey.length(key);
      } else if (paddingMismatch) {
        singles(startAt, lastAt, sink);
        startAt = i;
        start = value;
        padded = IndexKey.padded(key);
        pad = IndexKey.length(key);
      } else {
        singles(startAt, lastAt - 1, sink);
        startAt = lastAt;
        start = last;
      }
      step = stepMismatch ? value - last : 0;
      last = value;
      lastAt = i;
    }
    if (kept(start, last, step, lastThreshold)) {
      sink.run(startAt, lastAt, Math.max(step, 1));
    } else {
      singles(startAt, lastAt, sink);
    }
  }

  /** Whether a run is written as one range: consecutive, or stepped with enough indexes. */
  private static boolean kept(long start, long last, long step, int threshold) {
    return step <= 1 || (last - start) / step + 1 >= threshold;
  }

  private static void singles(int from, int to, RunSink sink) {
    for (int i = from; i <= to; i++) {
      sink.run(i, i, 1);
    }
  }

  /**
   * Consecutive indexes of the same padding; a stepped run is cut into single indexes, except the
   * last one when it has at least {@code autostep} indexes (a quirk of ClusterShell, kept).
   */
  @Override
  public List<IndexSet> contiguous(int autostep) {
    List<IndexSet> pieces = new ArrayList<>();
    scanRuns(
        NodeSet.NO_AUTOSTEP,
        autostep,
        (from, to, step) -> pieces.add(ofSorted(Arrays.copyOfRange(keys, from, to + 1))));
    return pieces;
  }

  @Override
  public RangeSet at(int[] positions) {
    long[] picked = new long[positions.length];
    for (int i = 0; i < positions.length; i++) {
      picked[i] = keys[positions[i]];
    }
    return ofSorted(picked);
  }

  /**
   * The folded ranges, in brackets when there are several indexes: {@code [1-5,9]} or {@code 7}.
   */
  String folded(int autostep) {
    StringBuilder out = new StringBuilder();
    if (keys.length > 1) {
      out.append('[');
    }
    appendFolded(out, autostep);
    if (keys.length > 1) {
      out.append(']');
    }
    return out.toString();
  }

  @Override
  public void fold(Pattern pattern, int autostep, Consumer<String> out) {
    out.accept(pattern.format(folded(autostep)));
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
    appendFolded(out, NodeSet.NO_AUTOSTEP);
    return out.toString();
  }
}
