package org.herd.nodeset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.LongStream;

/**
 * An immutable set of host names written in ClusterShell's node-set syntax: {@code web[01-20],db1},
 * {@code dc[1-2]n[1-3]}, {@code @group}, with the operators {@code ,} (union), {@code !}
 * (difference), {@code &} (intersection) and {@code ^} (symmetric difference) evaluated from left
 * to right.
 *
 * <p>Parsing, {@link #fold()} and {@link #expand()} behave as ClusterShell 1.9's {@code NodeSet}:
 * {@code n1}, {@code n01} and {@code n001} are three different hosts, names are ordered by pattern
 * and then by index, and multi-dimensional sets fold the way {@code nodeset -f} folds them. Names
 * are grouped by pattern (the text around their numbers) with sorted arrays of indexes, so 100,000
 * hosts fold in milliseconds. See {@code docs/nodeset.md} for the syntax.
 */
public final class NodeSet implements Iterable<String> {

  private static final NodeSet EMPTY = new NodeSet(Collections.emptySortedMap());

  /** The autostep of {@link #fold(int)} that never writes {@code a-b/step}, as {@link #fold()}. */
  public static final int NO_AUTOSTEP = Integer.MAX_VALUE;

  private final SortedMap<Pattern, IndexSet> entries;
  private volatile String folded;

  private NodeSet(SortedMap<Pattern, IndexSet> entries) {
    this.entries = entries;
  }

  /** The node set of entries that are all non-empty; the map is owned by the result. */
  static NodeSet ofEntries(TreeMap<Pattern, IndexSet> entries) {
    return entries.isEmpty() ? EMPTY : new NodeSet(Collections.unmodifiableSortedMap(entries));
  }

  SortedMap<Pattern, IndexSet> entries() {
    return entries;
  }

  /**
   * Parses a node-set expression that names no groups.
   *
   * @throws NodeSetException if the expression is malformed or names a group
   */
  public static NodeSet parse(String expr) {
    return parse(expr, GroupResolver.NONE);
  }

  /**
   * Parses a node-set expression, resolving its {@code @group}, {@code @source:group} and
   * {@code @*} references through {@code groups}.
   *
   * @throws NodeSetException if the expression is malformed, names an unknown group, or a group
   *     includes itself
   */
  public static NodeSet parse(String expr, GroupResolver groups) {
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(groups, "groups");
    return new NodeSetParser(groups).parse(expr);
  }

  /**
   * The set of the given host names, each taken literally (no ranges, operators or groups).
   *
   * @throws NodeSetException if a name is empty or contains whitespace or one of {@code ,!&^[]@*?}
   */
  public static NodeSet of(Collection<String> hostnames) {
    NodeSetBuilder builder = new NodeSetBuilder();
    Pattern last = null;
    for (String hostname : hostnames) {
      HostName name = HostName.parse(hostname, last);
      builder.addHost(name.pattern(), name.keys());
      last = name.pattern();
    }
    return builder.build();
  }

  /**
   * The union of many expressions, as {@code nodeset} unions its arguments, merged in one pass.
   * Expressions that are plain host names (the lines of a host list) skip the parser.
   *
   * @throws NodeSetException as {@link #parse(String, GroupResolver)}
   */
  public static NodeSet parseAll(Collection<String> expressions, GroupResolver groups) {
    Objects.requireNonNull(groups, "groups");
    NodeSetBuilder builder = new NodeSetBuilder();
    NodeSetParser parser = new NodeSetParser(groups);
    Pattern last = null;
    long nodes = 0;
    for (String expr : expressions) {
      String name = RangeParser.strip(expr);
      if (name.isEmpty()) {
        continue;
      }
      if (HostName.isPlain(name)) {
        HostName host = HostName.parse(name, last);
        builder.addHost(host.pattern(), host.keys());
        last = host.pattern();
        nodes++;
      } else {
        NodeSet set = parser.parse(expr);
        builder.addAll(set);
        nodes += set.size();
      }
      if (nodes > RangeParser.MAX_ITEM_SIZE) {
        throw NodeSetException.at(
            "too many nodes", null, 0, "more than " + RangeParser.MAX_ITEM_SIZE + " in all");
      }
    }
    return builder.build();
  }

  /** The union of many node sets, merged in one pass. */
  public static NodeSet union(Collection<NodeSet> sets) {
    NodeSetBuilder builder = new NodeSetBuilder();
    for (NodeSet set : sets) {
      builder.addAll(set);
    }
    return builder.build();
  }

  /** The empty set. */
  public static NodeSet empty() {
    return EMPTY;
  }

  /** The hosts in this set or in {@code other}. */
  public NodeSet union(NodeSet other) {
    if (other.isEmpty()) {
      return this;
    }
    return new NodeSetBuilder().addAll(this).addAll(other).build();
  }

  /** The hosts in both this set and {@code other}. */
  public NodeSet intersection(NodeSet other) {
    return combine(Operator.INTERSECTION, other);
  }

  /** The hosts in this set and not in {@code other}. */
  public NodeSet difference(NodeSet other) {
    return combine(Operator.DIFFERENCE, other);
  }

  /** The hosts in exactly one of this set and {@code other}. */
  public NodeSet symmetricDifference(NodeSet other) {
    return combine(Operator.SYMMETRIC_DIFFERENCE, other);
  }

  private NodeSet combine(Operator op, NodeSet other) {
    return new NodeSetBuilder().addAll(this).apply(op, other).build();
  }

  /** The number of hosts. */
  public int size() {
    long size = 0;
    for (IndexSet indexes : entries.values()) {
      size += indexes.size();
    }
    return Math.toIntExact(size);
  }

  /** Whether there is no host. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Whether {@code hostname} is one of the hosts ({@code n01} is not {@code n1}). */
  public boolean contains(String hostname) {
    HostName name;
    try {
      name = HostName.parse(hostname);
    } catch (NodeSetException e) {
      return false;
    }
    IndexSet indexes = entries.get(name.pattern());
    return indexes != null && indexes.containsIndexes(name.keys());
  }

  /** The folded form, as {@code nodeset -f} prints it: {@code n[1-5],web[01-02]}. */
  public String fold() {
    String result = folded;
    if (result == null) {
      result = fold(NO_AUTOSTEP);
      folded = result;
    }
    return result;
  }

  /**
   * The folded form with {@code a-b/step} ranges, as {@code nodeset --autostep=N -f} prints it:
   * equally spaced indexes are one range when there are at least {@code autostep} of them, so
   * {@code n[1,3,5,7,9]} folds to {@code n[1-9/2]} with an autostep of 3 to 5. {@link #fold()}
   * never writes steps.
   */
  public String fold(int autostep) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Pattern, IndexSet> entry : entries.entrySet()) {
      entry
          .getValue()
          .fold(
              entry.getKey(),
              autostep,
              part -> {
                if (out.length() > 0) {
                  out.append(',');
                }
                out.append(part);
              });
    }
    return out.toString();
  }

  /** Every host name, in the order {@code nodeset -e} prints them. */
  public List<String> expand() {
    List<String> names = new ArrayList<>(size());
    for (Map.Entry<Pattern, IndexSet> entry : entries.entrySet()) {
      entry.getValue().expand(entry.getKey(), names::add);
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * The hosts at positions {@code from} (included) to {@code to} (excluded) of {@link #expand()},
   * as Python slices a ClusterShell {@code NodeSet}; positions past the end are ignored.
   */
  public NodeSet slice(int from, int to) {
    int end = Math.min(to, size());
    int start = Math.max(0, from);
    int[] positions = new int[Math.max(0, end - start)];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = start + i;
    }
    return at(positions);
  }

  /**
   * The hosts at the positions of a range set such as {@code 0-2,5} ({@code nodeset -I}), counted
   * from 0 in {@link #expand()} order; positions past the end are ignored.
   *
   * @throws NodeSetException if {@code positions} is not a range set
   */
  public NodeSet slice(String positions) {
    RangeSet parsed;
    try {
      parsed = RangeParser.parse(positions);
    } catch (RangeParser.RangeSyntaxException e) {
      throw NodeSetException.at("bad range", e.item, e.offset + 1, e.getMessage());
    }
    long size = size();
    return at(
        LongStream.range(0, parsed.size())
            .map(i -> IndexKey.value(parsed.key((int) i)))
            .filter(position -> position < size)
            .sorted()
            .distinct()
            .mapToInt(Math::toIntExact)
            .toArray());
  }

  /**
   * At most {@code parts} consecutive subsets of sizes that differ by at most one, larger ones
   * first, as ClusterShell's {@code NodeSet.split} cuts them ({@code nodeset --split}).
   *
   * @throws IllegalArgumentException if {@code parts} is below 1
   */
  public List<NodeSet> split(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be 1 or more, got " + parts);
    }
    int size = size();
    List<NodeSet> result = new ArrayList<>();
    int begin = 0;
    for (int i = 0; i < Math.min(parts, size); i++) {
      int length = size / parts + (i < size % parts ? 1 : 0);
      result.add(slice(begin, begin + length));
      begin += length;
    }
    return result;
  }

  /**
   * {@code count} hosts drawn at random, each subset as likely as any other, or all of them when
   * there are no more than {@code count} ({@code clush --pick}, {@code nodeset --pick}).
   */
  public NodeSet pick(int count, RandomGenerator random) {
    int size = size();
    if (count >= size) {
      return this;
    }
    // The first count entries of a partial Fisher-Yates shuffle of the positions.
    int[] positions = new int[size];
    for (int i = 0; i < size; i++) {
      positions[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(size - i);
      int swap = positions[i];
      positions[i] = positions[j];
      positions[j] = swap;
    }
    int[] picked = Arrays.copyOf(positions, Math.max(0, count));
    Arrays.sort(picked);
    return at(picked);
  }

  /**
   * The contiguous subsets, as {@code nodeset --contiguous} prints them: per pattern, runs of
   * consecutive indexes of the same padding ({@code n[1-3]}, {@code n5}), and for several
   * dimensions every combination of such runs of each folded piece.
   *
   * @param autostep as for {@link #fold(int)}: ClusterShell keeps the last run of a pattern whole
   *     when it is equally spaced with at least that many indexes
   */
  public List<NodeSet> contiguous(int autostep) {
    List<NodeSet> result = new ArrayList<>();
    for (Map.Entry<Pattern, IndexSet> entry : entries.entrySet()) {
      for (IndexSet piece : entry.getValue().contiguous(autostep)) {
        TreeMap<Pattern, IndexSet> one = new TreeMap<>();
        one.put(entry.getKey(), piece);
        result.add(ofEntries(one));
      }
    }
    return result;
  }

  /** The hosts at the given positions: distinct, increasing, each below {@link #size()}. */
  private NodeSet at(int[] positions) {
    TreeMap<Pattern, IndexSet> picked = new TreeMap<>();
    int first = 0; // the position of the entry's first host
    int next = 0; // the next position to take, in positions
    for (Map.Entry<Pattern, IndexSet> entry : entries.entrySet()) {
      int size = entry.getValue().size();
      int end = next;
      while (end < positions.length && positions[end] < first + size) {
        end++;
      }
      if (end > next) {
        int[] local = new int[end - next];
        for (int i = 0; i < local.length; i++) {
          local[i] = positions[next + i] - first;
        }
        picked.put(entry.getKey(), entry.getValue().at(local));
        next = end;
      }
      first += size;
    }
    return ofEntries(picked);
  }

  @Override
  public Iterator<String> iterator() {
    return expand().iterator();
  }

  /** Two node sets are equal when they hold the same host names. */
  @Override
  public boolean equals(Object o) {
    return o instanceof NodeSet other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** The folded form, as {@link #fold()}. */
  @Override
  public String toString() {
    return fold();
  }
}
