package org.herd.nodeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table tests of what {@code nodeset} prints with {@code --autostep}, {@code -I}, {@code --split}
 * and {@code --contiguous}; expected values are ClusterShell 1.9.1's.
 */
class NodeSetSubsetsTest {

  @ParameterizedTest(name = "{0} with autostep {1} folds to {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[1,3,5,7,9]              | 3 | n[1-9/2]
          n[1,3,5,7,9]              | 5 | n[1-9/2]
          n[1,3,5,7,9]              | 6 | n[1,3,5,7,9]
          n[1,3,5,6,7,8,10,12]      | 3 | n[1-5/2,6-8,10,12]
          n[01,03,05,7,9]           | 3 | n[7,9,01-05/2]
          n[1,3,5]p[1,3,5]          | 3 | n[1-5/2]p[1-5/2]
          n[1,3,5]p[1,3],n[1,3]p5   | 3 | n[1,3]p[1-5/2],n5p[1,3]
          n[0-20/4],n[21-30/3]      | 3 | n[0-20/4,21,24-30/3]
          n[1,3,5,7,8,10,12,14]     | 4 | n[1-7/2,8,10,12,14]
          n[2,4,6],m[10,20,30]      | 3 | m[10-30/10],n[2-6/2]
          n[1,3]                    | 2 | n[1-3/2]
          n[1,3]                    | 1 | n[1-3/2]
          n[1,2,4,6,7]              | 2 | n[1-2,4-6/2,7]
          n[1,3,5,6]                | 3 | n[1-5/2,6]
          n[3,5,7,100,200,300]      | 3 | n[3-7/2,100-300/100]
          n[1-2,4-5,7-8]            | 2 | n[1-2,4-5,7-8]
          """)
  void autostepFoldsEquallySpacedIndexesAsClusterShell(String expr, int autostep, String folded) {
    NodeSet nodes = NodeSet.parse(expr);
    assertThat(nodes.fold(autostep)).isEqualTo(folded);
    assertThat(nodes.fold(NodeSet.NO_AUTOSTEP)).isEqualTo(nodes.fold());
    assertThat(NodeSet.parse(folded)).as("reads back").isEqualTo(nodes);
  }

  @ParameterizedTest(name = "{0} sliced at {1} is {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[1-10]             | 0-2,5    | n[1-3,6]
          n[1-10]             | 8-20     | n[9-10]
          x[1-3]y[1-3]        | 0-3      | x1y[1-3],x2y1
          a,b,c,d,e           | 2,4      | c,e
          a,b,n[1-3]          | 1-4      | b,n[1-3]
          n[1-2]x[1-2],m1     | 0,2-3,10 | m1,n1x2,n2x1
          b                   | 1        | ''
          """)
  void slicesKeepTheNodesAtThosePositions(String expr, String positions, String folded) {
    assertThat(NodeSet.parse(expr).slice(positions).fold()).isEqualTo(folded);
  }

  @Test
  void aSliceThatIsNotARangeSetIsAnError() {
    assertThatThrownBy(() -> NodeSet.parse("n[1-3]").slice("2-1"))
        .isInstanceOf(NodeSetException.class)
        .hasMessage("bad range \"2-1\" at column 1: start is greater than end");
  }

  @ParameterizedTest(name = "{0} split in {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[1-10]                | 3  | n[1-4] n[5-7] n[8-10]
          n[1-3]                 | 20 | n1 n2 n3
          n[1-3]                 | 1  | n[1-3]
          x[1-3]y[1-3]           | 2  | x1y[1-3],x2y[1-2] x3y[1-3],x2y3
          a,b,n[1-3]             | 3  | a,b n[1-2] n3
          n[01-02],x[1-3]y[1-2]  | 4  | n[01-02] x1y[1-2] x2y[1-2] x3y[1-2]
          """)
  void splitCutsIntoNearlyEqualConsecutiveParts(String expr, int parts, String folded) {
    assertThat(NodeSet.parse(expr).split(parts).stream().map(NodeSet::fold))
        .containsExactly(folded.split(" "));
  }

  @ParameterizedTest(name = "{0} in contiguous pieces (autostep {1}): {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[1-3,5,7-9]           | 2147483647 | n[1-3] n5 n[7-9]
          n[1-3,5,7-9,11,13]     | 2          | n[1-3] n5 n[7-9] n[11,13]
          x[1-3,5]y[1-2,4]       | 2147483647 | x[1-3]y[1-2] x[1-3]y4 x5y[1-2] x5y4
          a,b,n[1-2]             | 2147483647 | a b n[1-2]
          n[08-11,9-12]          | 2147483647 | n9 n[08-12]
          n[1,3,5,7]             | 2147483647 | n1 n3 n5 n7
          n[1,3,5,7]             | 3          | n[1,3,5,7]
          n[1,3,5,7]             | 5          | n1 n3 n5 n7
          n[1-2],m1,n[4-5]p[1-2] | 2147483647 | m1 n[1-2] n[4-5]p[1-2]
          """)
  void contiguousPiecesAreClusterShells(String expr, int autostep, String folded) {
    assertThat(NodeSet.parse(expr).contiguous(autostep).stream().map(NodeSet::fold))
        .containsExactly(folded.split(" "));
  }

  @Test
  void pickDrawsDistinctHostsOfTheSetAndRepeatsWithTheSameSeed() {
    NodeSet nodes = NodeSet.parse("n[1-20],db[1-3]x[1-2],lb");
    NodeSet picked = nodes.pick(5, new Random(42));
    assertThat(picked.size()).isEqualTo(5);
    assertThat(nodes.intersection(picked)).isEqualTo(picked);
    assertThat(nodes.pick(5, new Random(42))).isEqualTo(picked);
    assertThat(nodes.pick(30, new Random(42))).isSameAs(nodes);
    assertThat(nodes.pick(nodes.size(), new Random(1))).isSameAs(nodes);
  }

  @Test
  void pickGivesEveryHostAChance() {
    NodeSet nodes = NodeSet.parse("n[1-6]");
    Random random = new Random(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.addAll(nodes.pick(2, random).expand());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(nodes.expand());
  }

  @Test
  void aNodeSetOfManyPatternsSlicesInExpandOrder() {
    NodeSet nodes = NodeSet.parse("web[1-3],db[1-2]x[1-2],lb");
    List<String> all = nodes.expand();
    for (int from = 0; from <= all.size(); from++) {
      for (int to = from; to <= all.size() + 1; to++) {
        assertThat(nodes.slice(from, to).expand())
            .as("[%d:%d]", from, to)
            .containsExactlyInAnyOrderElementsOf(all.subList(from, Math.min(to, all.size())));
      }
    }
    assertThat(NodeSet.union(nodes.split(3))).isEqualTo(nodes);
  }
}
