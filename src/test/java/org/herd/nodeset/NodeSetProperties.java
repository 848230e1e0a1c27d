package org.herd.nodeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of node sets: folding is canonical, and the four operations are the set operations,
 * checked against {@link java.util.Set}s of the expanded names.
 */
class NodeSetProperties {

  @Property(tries = 300)
  void foldThenParseIsCanonical(@ForAll("hosts") List<String> hosts) {
    NodeSet nodes = NodeSet.of(hosts);
    String folded = nodes.fold();
    NodeSet reparsed = NodeSet.parse(folded);
    assertThat(reparsed).isEqualTo(nodes);
    assertThat(reparsed.fold()).isEqualTo(folded);
    assertThat(new HashSet<>(nodes.expand())).isEqualTo(new HashSet<>(hosts));
    assertThat(nodes.size()).isEqualTo(new HashSet<>(hosts).size());
    assertThat(NodeSet.of(nodes.expand()).fold()).isEqualTo(folded);
  }

  @Property(tries = 300)
  void randomExpressionsFoldCanonically(@ForAll long seed) {
    String expr = new RandomExpressions(seed).expression();
    NodeSet nodes;
    try {
      nodes = NodeSet.parse(expr);
    } catch (NodeSetException mistake) {
      return;
    }
    String folded = nodes.fold();
    assertThat(NodeSet.parse(folded)).as(expr).isEqualTo(nodes);
    assertThat(NodeSet.parse(folded).fold()).as(expr).isEqualTo(folded);
    assertThat(NodeSet.parse(String.join(",", nodes.expand())).fold()).isEqualTo(folded);
  }

  @Property(tries = 300)
  void steppedFoldsAndPiecesHoldTheSameHosts(
      @ForAll("hosts") List<String> hosts,
      @ForAll @IntRange(min = 1, max = 6) int autostep,
      @ForAll @IntRange(min = 1, max = 9) int parts) {
    NodeSet nodes = NodeSet.of(hosts);
    assertThat(NodeSet.parse(nodes.fold(autostep))).isEqualTo(nodes);
    List<NodeSet> split = nodes.split(parts);
    assertThat(NodeSet.union(split)).isEqualTo(nodes);
    assertThat(split.stream().mapToInt(NodeSet::size).sum()).isEqualTo(nodes.size());
    List<NodeSet> pieces = nodes.contiguous(autostep);
    assertThat(NodeSet.union(pieces)).isEqualTo(nodes);
    assertThat(pieces.stream().mapToInt(NodeSet::size).sum()).isEqualTo(nodes.size());
    List<String> all = nodes.expand();
    int from = all.size() / 3;
    int to = 2 * all.size() / 3 + 1;
    assertThat(nodes.slice(from, to).expand())
        .containsExactlyInAnyOrderElementsOf(all.subList(from, Math.min(to, all.size())));
  }

  @Property(tries = 300)
  void operationsAreTheSetOperations(
      @ForAll("hosts") List<String> x, @ForAll("hosts") List<String> y) {
    NodeSet a = NodeSet.of(x);
    NodeSet b = NodeSet.of(y);
    Set<String> sa = new HashSet<>(x);
    Set<String> sb = new HashSet<>(y);
    assertThat(names(a.union(b))).isEqualTo(union(sa, sb));
    assertThat(names(a.intersection(b))).isEqualTo(intersection(sa, sb));
    assertThat(names(a.difference(b))).isEqualTo(difference(sa, sb));
    assertThat(names(a.symmetricDifference(b)))
        .isEqualTo(union(difference(sa, sb), difference(sb, sa)));
    if (!a.isEmpty() && !b.isEmpty()) {
      // Operators apply left to right, so "a!b" needs b as one term: "a!t1!t2" is a - (t1 + t2).
      List<String> terms = terms(b.fold());
      String left = a.fold() + ",";
      assertThat(NodeSet.parse(left + b.fold())).isEqualTo(a.union(b));
      assertThat(NodeSet.parse(a.fold() + "!" + String.join("!", terms)))
          .isEqualTo(a.difference(b));
      assertThat(NodeSet.parse(a.fold() + "^" + String.join("^", terms)))
          .isEqualTo(a.symmetricDifference(b));
      if (terms.size() == 1) {
        assertThat(NodeSet.parse(a.fold() + "&" + b.fold())).isEqualTo(a.intersection(b));
      }
    }
  }

  /** The comma-separated terms of a folded set, commas inside brackets excluded. */
  private static List<String> terms(String folded) {
    List<String> terms = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        terms.add(folded.substring(start, i));
        start = i + 1;
      }
    }
    terms.add(folded.substring(start));
    return terms;
  }

  @Property(tries = 200)
  void commutativeAndAssociative(
      @ForAll("hosts") List<String> x,
      @ForAll("hosts") List<String> y,
      @ForAll("hosts") List<String> z) {
    NodeSet a = NodeSet.of(x);
    NodeSet b = NodeSet.of(y);
    NodeSet c = NodeSet.of(z);
    assertSame(a.union(b), b.union(a));
    assertSame(a.intersection(b), b.intersection(a));
    assertSame(a.symmetricDifference(b), b.symmetricDifference(a));
    assertSame(a.union(b).union(c), a.union(b.union(c)));
    assertSame(a.intersection(b).intersection(c), a.intersection(b.intersection(c)));
    assertSame(
        a.symmetricDifference(b).symmetricDifference(c),
        a.symmetricDifference(b.symmetricDifference(c)));
  }

  @Property(tries = 200)
  void distributiveWithIdentitiesAndDeMorgan(
      @ForAll("hosts") List<String> x,
      @ForAll("hosts") List<String> y,
      @ForAll("hosts") List<String> z) {
    NodeSet a = NodeSet.of(x);
    NodeSet b = NodeSet.of(y);
    NodeSet c = NodeSet.of(z);
    NodeSet none = NodeSet.empty();
    assertSame(a.intersection(b.union(c)), a.intersection(b).union(a.intersection(c)));
    assertSame(a.union(b.intersection(c)), a.union(b).intersection(a.union(c)));
    assertSame(a.union(none), a);
    assertSame(a.intersection(none), none);
    assertSame(a.difference(none), a);
    assertSame(none.difference(a), none);
    assertSame(a.symmetricDifference(a), none);
    assertSame(a.symmetricDifference(none), a);
    assertSame(a.union(a), a);
    assertSame(a.intersection(a), a);
    NodeSet universe = a.union(b).union(c);
    assertSame(
        universe.difference(a.union(b)),
        universe.difference(a).intersection(universe.difference(b)));
    assertSame(
        universe.difference(a.intersection(b)),
        universe.difference(a).union(universe.difference(b)));
  }

  /** Equal as sets, and so equal in every way herd shows them. */
  private static void assertSame(NodeSet actual, NodeSet expected) {
    assertThat(names(actual)).isEqualTo(names(expected));
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
    assertThat(actual.fold()).isEqualTo(expected.fold());
    assertThat(actual.expand()).isEqualTo(expected.expand());
  }

  private static Set<String> names(NodeSet nodes) {
    Set<String> names = new HashSet<>(nodes.expand());
    assertThat(names).hasSize(nodes.size());
    return names;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> r = new HashSet<>(a);
    r.addAll(b);
    return r;
  }

  private static Set<String> intersection(Set<String> a, Set<String> b) {
    Set<String> r = new HashSet<>(a);
    r.retainAll(b);
    return r;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> r = new HashSet<>(a);
    r.removeAll(b);
    return r;
  }

  /**
   * Lists of host names from a small world, so that sets overlap: a few prefixes, indexes up to 120
   * with mixed zero padding, one to three dimensions, and names without digits.
   */
  @Provide
  Arbitrary<List<String>> hosts() {
    Arbitrary<String> index =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 12)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(90, 120))),
                Arbitraries.of(0, 0, 0, 2, 3))
            .as(
                (value, width) ->
                    width == 0 ? String.valueOf(value) : String.format("%0" + width + "d", value));
    Arbitrary<String> oneD =
        Combinators.combine(Arbitraries.of("n", "web", "db-", ""), index).as((p, i) -> p + i);
    Arbitrary<String> twoD =
        Combinators.combine(Arbitraries.of("r", "dc"), index, Arbitraries.of("n", "-"), index)
            .as((p, i, m, j) -> p + i + m + j);
    Arbitrary<String> threeD =
        Combinators.combine(index, index, index).as((i, j, k) -> "r" + i + "n" + j + "c" + k);
    Arbitrary<String> bare = Arbitraries.of("login", "mgmt", "a-b");
    Arbitrary<String> host =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, oneD),
            net.jqwik.api.Tuple.of(4, twoD),
            net.jqwik.api.Tuple.of(2, threeD),
            net.jqwik.api.Tuple.of(1, bare));
    return host.list().ofMaxSize(60);
  }
}
