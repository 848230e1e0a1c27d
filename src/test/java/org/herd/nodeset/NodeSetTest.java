package org.herd.nodeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table tests of parsing, folding, expanding and counting; expected values are ClusterShell's. */
class NodeSetTest {

  @ParameterizedTest(name = "{0} folds to {1} ({2} nodes)")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[1-3],n5,n4                | n[1-5]                           | 5
          n[01-10]                    | n[01-10]                         | 10
          n[1,01,001]                 | n[1,01,001]                      | 3
          n[9-10,09]                  | n[9,09-10]                       | 3
          n[03,14-142]                | n[03,14-99,100-142]              | 130
          n[14-142]                   | n[14-142]                        | 129
          n[08-11],n[98-101]          | n[08-11,98-101]                  | 8
          n[1,01,001,2]               | n[1-2,01,001]                    | 4
          n[10,9,1]                   | n[1,9-10]                        | 3
          n[1-9/2]                    | n[1,3,5,7,9]                     | 5
          n[0-10/5]                   | n[0,5,10]                        | 3
          n[+1-3]                     | n[1-3]                           | 3
          n[1 - 3]                    | n[1-3]                           | 3
          n1[2-3,5]                   | n[12-13,15]                      | 3
          n[1-2]0                     | n[10,20]                         | 2
          n0[1-2]                     | n[01-02]                         | 2
          a1b[2-3]                    | a1b[2-3]                         | 2
          node1-ib                    | node1-ib                         | 1
          [1-3]                       | [1-3]                            | 3
          'n[1-3] x'                  | 'n[1-3] x'                       | 3
          ' a , b '                   | a,b                              | 2
          b,a,a1,a-1,a%,A             | A,a,a%,a1,a-1,b                  | 6
          b1,a2,a10                   | a[2,10],b1                       | 3
          dc[1-2]n[1-3]               | dc[1-2]n[1-3]                    | 6
          dc[1-2]n[1-3],dc3n1         | dc[1-2]n[1-3],dc3n1              | 7
          x[1-2]y[1-2]!x1y1           | x2y[1-2],x1y2                    | 3
          r1n2,r2n1,r3n2              | r[1,3]n2,r2n1                    | 3
          r[0-4]n[0-4]!r[1-3]n[1-3]   | r[0,4]n[0-4],r[1-3]n[0,4]        | 16
          a[1-2]b[1-2]c[1-2]!a1b1c1   | a2b[1-2]c[1-2],a1b2c[1-2],a1b1c2 | 7
          n[1-2]c[1-2],n[3-4]c[1-3]   | n[3-4]c[1-3],n[1-2]c[1-2]        | 10
          n[01-02]-[1-2],n[1-2]-[1-2] | n[1-2,01-02]-[1-2]               | 8
          n[1-3]&n[2-5]^n[5-6]        | n[2-3,5-6]                       | 4
          n[1-10]!n[3-5]              | n[1-2,6-10]                      | 7
          web[1-2]^web[2-3]           | web[1,3]                         | 2
          n[1-2]&m[1-2]               | ''                               | 0
          n1!n1                       | ''                               | 0
          ''                          | ''                               | 0
          """)
  void foldsAndCountsAsClusterShell(String expr, String folded, int count) {
    NodeSet nodes = NodeSet.parse(expr);
    assertThat(nodes.fold()).isEqualTo(folded);
    assertThat(nodes.toString()).isEqualTo(folded);
    assertThat(nodes.size()).isEqualTo(count);
    assertThat(nodes.expand()).hasSize(count);
    assertThat(nodes.isEmpty()).isEqualTo(count == 0);
  }

  @ParameterizedTest(name = "{0} expands to {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[10,9,1]                 | n1 n9 n10
          n[1,01,001,2]             | n1 n2 n01 n001
          b1,a2,a10                 | a2 a10 b1
          dc[1-2]n[1-2]             | dc1n1 dc1n2 dc2n1 dc2n2
          x[1-2]y[1-2]!x1y1         | x2y1 x2y2 x1y2
          r1n2,r2n1,r3n2            | r1n2 r3n2 r2n1
          a[1-2]b[1-2]c[1-2]!a1b1c1 | a2b1c1 a2b1c2 a2b2c1 a2b2c2 a1b2c1 a1b2c2 a1b1c2
          n[08-11],n[98-101]        | n08 n09 n10 n11 n98 n99 n100 n101
          """)
  void expandsInClusterShellsOrder(String expr, String names) {
    assertThat(NodeSet.parse(expr).expand()).containsExactly(names.split(" "));
    assertThat(NodeSet.parse(expr)).containsExactly(names.split(" "));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[3-1]      | bad range "3-1" at column 3: start is greater than end
          n[1-2       | missing ']' "[1-2" at column 2
          a,,b        | missing operand "," at column 3
          a,          | missing operand "," at column 2
          !a          | missing operand "!" at column 1
          n]          | unexpected ']' "n]" at column 2
          a!b]        | unexpected ']' "b]" at column 4
          n[1-2][3]   | unexpected '[' "[1-2][3]" at column 7
          n[1-3][     | unexpected '[' "[1-3][" at column 7
          n[]         | bad range "" at column 3: empty range
          n[1,,2]     | bad range "" at column 5: empty range
          n[01-9]     | bad range "01-9" at column 3: padding length mismatch
          n[1-9/2]0   | digits after a range with steps "[1-9/2]0" at column 9
          n[1-3/0]    | bad range "1-3/0" at column 3: step must be at least 1
          n[5/2]      | bad range "5/2" at column 3: a step needs a range
          n[a-b]      | bad range "a-b" at column 3: not a number
          n[-3-1]     | bad range "-3-1" at column 3: negative indexes are not supported
          n[1-99999999999] | bad range "1-99999999999" at column 3: range too large
          n[1-9999999,10000000-19999999] | bad range "10000000-19999999" at column 13: range too large
          a[1-10000]b[1-10000] | too many nodes "a[1-10000]b[1-10000]" at column 1
          a[1-9999999],b[1-9999999] | too many nodes "b[1-9999999]" at column 14: more than 10000000 in one node set
          a[1-3000]b[1-3000]!a5b5 | too many nodes: set operations on ranges of several dimensions take at most 1000000 nodes
          a[1-3000]b[1-3000],a5b7 | too many nodes: set operations on ranges of several dimensions take at most 1000000 nodes
          @web        | @web: no such group
          n*          | wildcards need a group source that lists all hosts "n*" at column 1
          """)
  void rejectsMistakesSayingWhatAndWhere(String expr, String message) {
    assertThatThrownBy(() -> NodeSet.parse(expr))
        .isInstanceOf(NodeSetException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void manyLargeArgumentsAreRefusedBeforeTheyExhaustTheMemory() {
    assertThatThrownBy(
            () ->
                NodeSet.parseAll(
                    List.of("a[1-9999999]", "b[1-9999999]", "c[1-9999999]"), GroupResolver.NONE))
        .isInstanceOf(NodeSetException.class)
        .hasMessage("too many nodes: more than 10000000 in all");
  }

  @Test
  void errorsCarryTheirColumn() {
    assertThatThrownBy(() -> NodeSet.parse("web[1-3],db[9-2]"))
        .isInstanceOfSatisfying(NodeSetException.class, e -> assertThat(e.column()).isEqualTo(13));
  }

  @Test
  void setAlgebraOnParsedSets() {
    NodeSet a = NodeSet.parse("n[1-5]");
    NodeSet b = NodeSet.parse("n[4-8]");
    assertThat(a.union(b).fold()).isEqualTo("n[1-8]");
    assertThat(a.intersection(b).fold()).isEqualTo("n[4-5]");
    assertThat(a.difference(b).fold()).isEqualTo("n[1-3]");
    assertThat(a.symmetricDifference(b).fold()).isEqualTo("n[1-3,6-8]");
    assertThat(a.union(NodeSet.empty())).isEqualTo(a);
    assertThat(a.intersection(NodeSet.empty()).isEmpty()).isTrue();
  }

  @Test
  void ofTakesNamesLiterallyAndFoldsThem() {
    NodeSet nodes = NodeSet.of(List.of("web2", "web1", "web01", "db", "web1"));
    assertThat(nodes.fold()).isEqualTo("db,web[1-2,01]");
    assertThat(nodes.size()).isEqualTo(4);
    assertThatThrownBy(() -> NodeSet.of(List.of("web[1-2]")))
        .isInstanceOf(NodeSetException.class)
        .hasMessageContaining("'[' is not allowed");
  }

  @Test
  void containsTellsPaddedNamesApart() {
    NodeSet nodes = NodeSet.parse("n[1-3],dc[1-2]n[01-02]");
    assertThat(nodes.contains("n2")).isTrue();
    assertThat(nodes.contains("n02")).isFalse();
    assertThat(nodes.contains("dc2n01")).isTrue();
    assertThat(nodes.contains("dc2n1")).isFalse();
    assertThat(nodes.contains("n[1-2]")).isFalse();
  }

  @Test
  void equalSetsAreEqualWhateverTheirHistory() {
    NodeSet grown = NodeSet.parse("a[1-2]b[1-2]").union(NodeSet.parse("a3b[1-2]"));
    NodeSet direct = NodeSet.parse("a[1-3]b[1-2]");
    NodeSet listed = NodeSet.of(direct.expand());
    assertThat(grown).isEqualTo(direct).isEqualTo(listed);
    assertThat(grown.hashCode()).isEqualTo(direct.hashCode()).isEqualTo(listed.hashCode());
    assertThat(listed.fold()).isEqualTo("a[1-3]b[1-2]");
  }

  @Test
  void groupsResolveRecursivelyWithinTheirSource() {
    GroupResolver groups =
        resolver(
            Map.of(
                ":web", "web[1-3]",
                ":front", "@web,lb1",
                "dc2:web", "web[7-8]",
                "dc2:all", "@web,db9"),
            Map.of(":", "web[1-3],lb1,db[1-2]"));
    assertThat(NodeSet.parse("@front!web2", groups).fold()).isEqualTo("lb1,web[1,3]");
    assertThat(NodeSet.parse("@dc2:all", groups).fold()).isEqualTo("db9,web[7-8]");
    assertThat(NodeSet.parse("@*", groups).fold()).isEqualTo("db[1-2],lb1,web[1-3]");
    assertThat(NodeSet.parse("web*&@*", groups).fold()).isEqualTo("web[1-3]");
    assertThat(NodeSet.parse("*[1-2]", groups).fold()).isEqualTo("db[1-2],lb1,web[1-2]");
  }

  @Test
  void groupCyclesAndUnknownGroupsAreErrors() {
    GroupResolver groups = resolver(Map.of(":a", "@b", ":b", "n1,@a", ":bad", "n[2-1]"), Map.of());
    assertThatThrownBy(() -> NodeSet.parse("@a", groups))
        .isInstanceOf(NodeSetException.class)
        .hasMessageContaining("group includes itself");
    assertThatThrownBy(() -> NodeSet.parse("n1,@c", groups)).hasMessage("@c: no such group");
    assertThatThrownBy(() -> NodeSet.parse("@bad", groups))
        .hasMessageStartingWith("@bad: bad range \"2-1\"");
    assertThatThrownBy(() -> NodeSet.parse("@*", groups))
        .hasMessage("@*: the group source cannot list all hosts");
  }

  /** Groups keyed "source:name" (empty source: the default one), and all hosts per source. */
  private static GroupResolver resolver(Map<String, String> groups, Map<String, String> all) {
    return new GroupResolver() {
      @Override
      public Optional<String> group(String source, String name) {
        return Optional.ofNullable(groups.get((source == null ? "" : source) + ":" + name));
      }

      @Override
      public Optional<String> all(String source) {
        return Optional.ofNullable(all.get((source == null ? "" : source) + ":"));
      }
    };
  }
}
