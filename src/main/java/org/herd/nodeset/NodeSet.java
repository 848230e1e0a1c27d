package org.herd.nodeset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

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
      StringBuilder out = new StringBuilder();
      for (Map.Entry<Pattern, IndexSet> entry : entries.entrySet()) {
        entry
            .getValue()
            .fold(
                entry.getKey(),
                part -> {
                  if (out.length() > 0) {
                    out.append(',');
                  }
                  out.append(part);
                });
      }
      result = out.toString();
      folded = result;
    }
    return result;
  }

  /** Every host name, in the order {@code nodeset -e} prints them. */
  public List<String> expand() {
    List<String> names = new ArrayList<>(size());
    for (Map.Entry<Pattern, IndexSet> entry : entries.entrySet()) {
      entry.getValue().expand(entry.getKey(), names::add);
    }
    return Collections.unmodifiableList(names);
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
