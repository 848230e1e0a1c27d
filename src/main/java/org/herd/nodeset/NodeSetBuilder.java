package org.herd.nodeset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A mutable node set for evaluating expressions left to right and for gathering many hosts. Unions
 * are queued per pattern and merged in one pass (one sort of all indexes, or one hash set of all
 * tuples), so that 100,000 host names cost one sort, not 100,000 copies; patterns are sorted only
 * when the set is built.
 */
final class NodeSetBuilder {

  /** Above this many queued sets, multi-dimensional unions materialise tuples in one go. */
  private static final int PAIRWISE_UNIONS = 8;

  private final Map<Pattern, Slot> slots = new HashMap<>();

  /** The indexes of one pattern: a merged base and what is still to be unioned into it. */
  private static final class Slot {
    IndexSet base;
    final List<IndexSet> queued = new ArrayList<>(2);
    long[] keys; // single hosts of a 1D pattern
    int keyCount;
    Set<Tuple> tuples; // single hosts of a multi-dimensional pattern

    Slot(IndexSet base) {
      this.base = base;
    }

    void addHost(long[] hostKeys) {
      if (hostKeys.length == 1) {
        if (keys == null) {
          keys = new long[16];
        } else if (keyCount == keys.length) {
          keys = Arrays.copyOf(keys, 2 * keys.length);
        }
        keys[keyCount++] = hostKeys[0];
      } else if (hostKeys.length > 1) {
        if (tuples == null) {
          tuples = new HashSet<>();
        }
        tuples.add(new Tuple(hostKeys));
      } else if (base == null) {
        base = NoIndex.PRESENT;
      }
    }

    IndexSet settle() {
      if (keys != null) {
        settleKeys();
      } else if (tuples != null) {
        settleTuples();
      } else if (!queued.isEmpty()) {
        base = union(base, queued);
        queued.clear();
      }
      return base;
    }

    private void settleKeys() {
      int total = keyCount;
      List<IndexSet> all = new ArrayList<>(queued);
      if (base != null) {
        all.add(base);
      }
      for (IndexSet set : all) {
        total += set.size();
      }
      long[] merged = Arrays.copyOf(keys, total);
      int n = keyCount;
      for (IndexSet set : all) {
        RangeSet range = (RangeSet) set;
        for (int i = 0; i < range.size(); i++) {
          merged[n++] = range.key(i);
        }
      }
      base = RangeSet.of(merged, n);
      keys = null;
      keyCount = 0;
      queued.clear();
    }

    private void settleTuples() {
      if (base != null) {
        ((RangeSetNd) base).forEachTuple(tuples::add);
      }
      for (IndexSet set : queued) {
        ((RangeSetNd) set).forEachTuple(tuples::add);
      }
      base = RangeSetNd.ofTuples(tuples.iterator().next().keys.length, tuples);
      tuples = null;
      queued.clear();
    }
  }

  /** Adds the nodes of {@code pattern} with the given indexes. */
  NodeSetBuilder add(Pattern pattern, IndexSet indexes) {
    if (indexes.isEmpty()) {
      return this;
    }
    Slot slot = slots.get(pattern);
    if (slot == null) {
      slots.put(pattern, new Slot(indexes));
    } else if (slot.base == null) {
      slot.base = indexes;
    } else {
      slot.queued.add(indexes);
    }
    return this;
  }

  /** Adds one host of {@code pattern}; the array is owned by the builder from now on. */
  NodeSetBuilder addHost(Pattern pattern, long[] keys) {
    slots.computeIfAbsent(pattern, p -> new Slot(null)).addHost(keys);
    return this;
  }

  /** Adds every node of {@code set}. */
  NodeSetBuilder addAll(NodeSet set) {
    for (Map.Entry<Pattern, IndexSet> entry : set.entries().entrySet()) {
      add(entry.getKey(), entry.getValue());
    }
    return this;
  }

  /** Applies {@code this = this <op> operand}. */
  NodeSetBuilder apply(Operator op, NodeSet operand) {
    Map<Pattern, IndexSet> theirs = operand.entries();
    switch (op) {
      case UNION -> addAll(operand);
      case DIFFERENCE -> {
        for (Map.Entry<Pattern, IndexSet> entry : theirs.entrySet()) {
          Slot slot = slots.get(entry.getKey());
          if (slot != null) {
            replace(entry.getKey(), slot, slot.settle().difference(entry.getValue()));
          }
        }
      }
      case INTERSECTION -> {
        Iterator<Map.Entry<Pattern, Slot>> it = slots.entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<Pattern, Slot> entry = it.next();
          IndexSet other = theirs.get(entry.getKey());
          IndexSet common = other == null ? null : entry.getValue().settle().intersection(other);
          if (common == null || common.isEmpty()) {
            it.remove();
          } else {
            entry.getValue().base = common;
          }
        }
      }
      case SYMMETRIC_DIFFERENCE -> {
        for (Map.Entry<Pattern, IndexSet> entry : theirs.entrySet()) {
          Slot slot = slots.get(entry.getKey());
          if (slot == null) {
            slots.put(entry.getKey(), new Slot(entry.getValue()));
          } else {
            replace(entry.getKey(), slot, slot.settle().symmetricDifference(entry.getValue()));
          }
        }
      }
    }
    return this;
  }

  private void replace(Pattern pattern, Slot slot, IndexSet indexes) {
    if (indexes.isEmpty()) {
      slots.remove(pattern);
    } else {
      slot.base = indexes;
    }
  }

  /** The node set built so far; the builder stays usable. */
  NodeSet build() {
    TreeMap<Pattern, IndexSet> entries = new TreeMap<>();
    for (Map.Entry<Pattern, Slot> entry : slots.entrySet()) {
      entries.put(entry.getKey(), entry.getValue().settle());
    }
    return NodeSet.ofEntries(entries);
  }

  /** The union of {@code base} and every queued set, all of the same kind. */
  private static IndexSet union(IndexSet base, List<IndexSet> queued) {
    if (base instanceof NoIndex) {
      return NoIndex.PRESENT;
    }
    if (base instanceof RangeSet first) {
      int total = first.size();
      for (IndexSet set : queued) {
        total += set.size();
      }
      long[] keys = new long[total];
      int n = 0;
      for (int i = 0; i < first.size(); i++) {
        keys[n++] = first.key(i);
      }
      for (IndexSet set : queued) {
        RangeSet range = (RangeSet) set;
        for (int i = 0; i < range.size(); i++) {
          keys[n++] = range.key(i);
        }
      }
      return RangeSet.of(keys, n);
    }
    if (queued.size() <= PAIRWISE_UNIONS) {
      IndexSet result = base;
      for (IndexSet set : queued) {
        result = result.union(set);
      }
      return result;
    }
    List<RangeSetNd> all = new ArrayList<>(queued.size() + 1);
    all.add((RangeSetNd) base);
    for (IndexSet set : queued) {
      all.add((RangeSetNd) set);
    }
    return RangeSetNd.unionAll(all);
  }
}
