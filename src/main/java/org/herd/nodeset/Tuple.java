package org.herd.nodeset;

import java.util.Arrays;

/** The index keys of one node of a multi-dimensional pattern, usable as a hash key. */
final class Tuple {

  final long[] keys;
  private final int hash;

  Tuple(long[] keys) {
    this.keys = keys;
    this.hash = Arrays.hashCode(keys);
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
