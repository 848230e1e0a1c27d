package org.herd.nodeset;

import java.util.Arrays;

/** The index keys of one node of a multi-dimensional pattern, usable as a hash key. */
final class Tuple {

  final long[] keys;
  private final int hash;

  Tuple(long[] keys) {
    this.keys = keys;
    this.hash = hash(keys);
  }

  /**
   * A well-mixed hash. {@link Arrays#hashCode(long[])} is {@code 31 * h(a) + h(b)}, under which
   * {@code rack[1-50]-node[1-2000]} has only a few thousand distinct hashes: hash maps of such
   * tuples degrade into trees.
   */
  private static int hash(long[] keys) {
    long h = 0x9E3779B97F4A7C15L;
    for (long key : keys) {
      h = (h ^ key) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    h *= 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 32));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tuple other && hash == other.hash && Arrays.equals(keys, other.keys);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      IndexKey.appendTo(out, keys[i]);
    }
    return out.append(')').toString();
  }
}
