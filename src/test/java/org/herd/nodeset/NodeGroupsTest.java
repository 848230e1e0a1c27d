package org.herd.nodeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What {@code nodeset -l} and {@code -r} print with the groups of one source; expected values are
 * ClusterShell 1.9.1's for the same groups.
 */
class NodeGroupsTest {

  private static final Map<String, NodeSet> ROLES = new LinkedHashMap<>();

  static {
    ROLES.put("compute", NodeSet.parse("n[1-8]"));
    ROLES.put("gpu", NodeSet.parse("n[7-8]"));
    ROLES.put("io", NodeSet.parse("io[1-2]"));
    ROLES.put("login", NodeSet.parse("n1"));
    ROLES.put("rack1", NodeSet.parse("n[1-4]"));
    ROLES.put("rack2", NodeSet.parse("n[5-8]"));
    ROLES.put("rack10", NodeSet.parse("io[1-2]"));
    ROLES.put("all", NodeSet.parse("n[1-8],io[1-2]"));
  }

  @Test
  void groupsAreListedInNodeSetOrderOfTheirNames() {
    NodeGroups groups = new NodeGroups("@", ROLES);
    assertThat(groups.all().stream().map(NodeGroups.Listed::reference))
        .containsExactly(
            "@all", "@compute", "@gpu", "@io", "@login", "@rack1", "@rack2", "@rack10");
    assertThat(groups.all().get(0).hosts().fold()).isEqualTo("io[1-2],n[1-8]");
  }

  @Test
  void groupsMetByANodeSetAreOrderedByTextWithTheNodesInCommon() {
    NodeGroups groups = new NodeGroups("@", ROLES);
    assertThat(
            groups.meeting(NodeSet.parse("n[3-5]")).stream()
                .map(g -> g.reference() + " " + g.common() + " " + g.hosts().size()))
        .containsExactly("@all n[3-5] 10", "@compute n[3-5] 8", "@rack1 n[3-4] 4", "@rack2 n5 4");
  }

  @ParameterizedTest(name = "{0} regroups to {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          n[1-8]             | @compute
          n[1-8],io1         | @compute,io1
          n[1-4],n[7-8]      | @gpu,@rack1
          n[1-3]             | @login,n[2-3]
          n[1-8],io[1-2]     | @all
          x1                 | x1
          ''                 | ''
          """)
  void regroupTakesTheLargestWholeGroupsFirst(String nodes, String regrouped) {
    assertThat(new NodeGroups("@", ROLES).regroup(NodeSet.parse(nodes), NodeSet.NO_AUTOSTEP))
        .isEqualTo(regrouped);
  }

  @Test
  void regroupedGroupNamesFoldLikeHostNamesUnderTheirPrefix() {
    Map<String, NodeSet> racks = new LinkedHashMap<>();
    racks.put("r1", NodeSet.parse("n[1-4]"));
    racks.put("r2", NodeSet.parse("n[5-8],io1"));
    NodeSet nodes = NodeSet.parse("n[1-8],io1");
    assertThat(new NodeGroups("@racks:", racks).regroup(nodes, NodeSet.NO_AUTOSTEP))
        .isEqualTo("@racks:r[1-2]");
    assertThat(new NodeGroups("@", racks).regroup(nodes, NodeSet.NO_AUTOSTEP)).isEqualTo("@r[1-2]");
    assertThat(new NodeGroups("@", racks).regroup(NodeSet.parse("n[1-4],n[11,13,15]"), 3))
        .isEqualTo("@r1,n[11-15/2]");
  }
}
