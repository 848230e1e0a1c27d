package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Host selection: clush's {@code --hostfile} and {@code --pick}, and where hosts came from. */
class NodeSelectionTest {

  @TempDir Path dir;

  private static final GroupResolver GROUPS =
      new GroupResolver() {
        @Override
        public Optional<String> group(String source, String name) {
          return Optional.ofNullable(
              switch ((source == null ? "" : source) + ":" + name) {
                case ":web" -> "web[1-3]";
                case "dc2:web" -> "web[7-8]";
                default -> null;
              });
        }

        @Override
        public Optional<String> all(String source) {
          return Optional.empty();
        }
      };

  private NodeSelection.Selection select(NodeSelection selection) {
    return selection.select(GROUPS, dir, new Random(1));
  }

  @ParameterizedTest(name = "host file {0} selects {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'n1\\nn2\\nn3\\n'              | n[1-3]
          'n[1-2] db1\\n\\n  n5\\t n6'   | db1,n[1-2,5-6]
          'n1!n1 x1'                     | x1
          '@web\\nweb9'                  | web[1-3,9]
          """)
  void hostFilesHoldWhitespaceSeparatedNodeSets(String content, String folded) throws Exception {
    Files.writeString(dir.resolve("hosts"), content.translateEscapes());
    NodeSelection selection = new NodeSelection();
    selection.hostFiles.add("hosts");
    assertThat(select(selection).nodes().fold()).isEqualTo(folded);
  }

  @Test
  void aMistakeInAHostFileSaysWhere() throws Exception {
    Files.writeString(dir.resolve("hosts"), "n1 n2\n  web[1-3],db[9-2]\n");
    NodeSelection selection = new NodeSelection();
    selection.hostFiles.add("hosts");
    assertThatThrownBy(() -> select(selection))
        .isInstanceOf(UserError.class)
        .hasMessage("hosts:2:15: bad range \"9-2\": start is greater than end");
    selection.hostFiles.set(0, "missing");
    assertThatThrownBy(() -> select(selection))
        .isInstanceOf(UserError.class)
        .hasMessage("--hostfile missing: no such file");
  }

  @Test
  void originsSayWhatEachOptionSelected() throws Exception {
    Files.writeString(dir.resolve("hosts"), "n4 n5\n");
    NodeSelection selection = new NodeSelection();
    selection.nodes.add("n[1-3]");
    selection.hostFiles.add("hosts");
    selection.groups.add("web");
    selection.excluded.add("n2");
    selection.excludedGroups.add("dc2:web");
    NodeSelection.Selection selected = select(selection);
    assertThat(selected.nodes().fold()).isEqualTo("n[1,3-5],web[1-3]");
    assertThat(selected.origins())
        .extracting(o -> o.option() + (o.excluded() ? " - " : " + ") + o.nodes())
        .containsExactly(
            "-w n[1-3] + n[1-3]",
            "--hostfile hosts + n[4-5]",
            "-g web + web[1-3]",
            "-x n2 - n2",
            "-X dc2:web - web[7-8]");
    assertThat(selected.picked()).isFalse();
  }

  @Test
  void aGroupSourceBecomesTheDefaultOne() {
    NodeSelection selection = new NodeSelection();
    selection.groups.add("web");
    selection.groupSource = "dc2";
    assertThat(select(selection).nodes().fold()).isEqualTo("web[7-8]");
  }

  @Test
  void pickDrawsFromTheSelectionWithTheGivenRandomness() {
    NodeSelection selection = new NodeSelection();
    selection.nodes.add("n[1-20]");
    selection.excluded.add("n[1-10]");
    selection.pick = 3;
    NodeSelection.Selection first = selection.select(GROUPS, dir, new Random(5));
    NodeSelection.Selection again = selection.select(GROUPS, dir, new Random(5));
    assertThat(first.nodes()).isEqualTo(again.nodes());
    assertThat(first.nodes().size()).isEqualTo(3);
    assertThat(NodeSet.parse("n[11-20]").intersection(first.nodes())).isEqualTo(first.nodes());
    assertThat(first.picked()).isTrue();
    selection.pick = 10;
    assertThat(select(selection).picked()).as("all ten are kept").isFalse();
    selection.pick = 0;
    assertThatThrownBy(() -> select(selection)).hasMessage("--pick: expected 1 or more, got 0");
  }

  @Test
  void nothingSelectedIsAnError() {
    assertThatThrownBy(() -> select(new NodeSelection()))
        .isInstanceOf(UserError.class)
        .hasMessage("no hosts: give -w NODES, --hostfile FILE, -g GROUP or -a");
    NodeSelection selection = new NodeSelection();
    selection.nodes.add("n1");
    selection.excluded.add("n1");
    assertThatThrownBy(() -> select(selection))
        .hasMessage("no hosts: the selection is empty after exclusions");
  }
}
