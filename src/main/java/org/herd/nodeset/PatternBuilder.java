package org.herd.nodeset;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the literal text and the index ranges of one term of an expression, such as {@code
 * rack[1-2]-node07}, as ClusterShell splits it: every run of digits outside brackets is an index of
 * its own ({@code node07} is pattern {@code node%s} with index {@code 07}).
 */
final class PatternBuilder {

  private final List<String> parts = new ArrayList<>();
  private final List<RangeSet> ranges = new ArrayList<>();
  private final StringBuilder literal = new StringBuilder();

  /** Appends text outside brackets: its digit runs become single indexes. */
  PatternBuilder text(CharSequence text, int from, int to) {
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (isDigit(c)) {
        int j = i;
        while (j < to && isDigit(text.charAt(j))) {
          j++;
        }
        range(RangeSet.single(IndexKey.parse(text, i, j)));
        i = j;
      } else {
        literal.append(c);
        i++;
      }
    }
    return this;
  }

  /** Appends an index slot. */
  PatternBuilder range(RangeSet range) {
    parts.add(literal.toString());
    literal.setLength(0);
    ranges.add(range);
    return this;
  }

  Pattern pattern() {
    List<String> all = new ArrayList<>(parts);
    all.add(literal.toString());
    return Pattern.of(all);
  }

  /** The number of nodes of the term, without building them. */
  long size() {
    long size = 1;
    for (RangeSet range : ranges) {
      size = Math.multiplyHigh(size, range.size()) == 0 ? size * range.size() : Long.MAX_VALUE;
    }
    return size;
  }

  /** The indexes of the term: none, one range, or the product of several. */
  IndexSet indexes() {
    return switch (ranges.size()) {
      case 0 -> NoIndex.PRESENT;
      case 1 -> ranges.get(0);
      default -> RangeSetNd.product(ranges.toArray(RangeSet[]::new));
    };
  }

  /** The first index of every slot: the keys of a term that names one host. */
  long[] singleKeys() {
    long[] keys = new long[ranges.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = ranges.get(i).first();
    }
    return keys;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
