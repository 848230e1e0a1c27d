package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodesetCommandTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of()).run(args);
  }

  private CliRunner.Result herdWithInput(String input, String... args) {
    return new CliRunner(dir, Map.of()).runWithInput(input, args);
  }

  @Test
  void foldsExpandsAndCounts() {
    assertThat(herd("nodeset", "-f", "n[1-3],n5,n4").out()).isEqualTo("n[1-5]\n");
    assertThat(herd("nodeset", "--fold", "n[1-3],n5,n4").out()).isEqualTo("n[1-5]\n");
    assertThat(herd("nodeset", "-e", "n[1-3],n01").out()).isEqualTo("n1 n2 n3 n01\n");
    assertThat(herd("nodeset", "-c", "dc[1-2]n[1-3]").out()).isEqualTo("6\n");
  }

  @Test
  void unionsSeveralArgumentsAndTheLinesOfEachLikeNodeset() {
    CliRunner.Result result = herd("nodeset", "-f", "a1", "a2", "b1!b1", "c1\nc2");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("a[1-2],c[1-2]\n");
  }

  @Test
  void jsonReportsFoldCountAndNodes() {
    assertThat(herd("nodeset", "--json", "-e", "n[1-2],x").out())
        .isEqualTo("{\"fold\":\"n[1-2],x\",\"count\":3,\"nodes\":[\"n1\",\"n2\",\"x\"]}\n");
    assertThat(herd("nodeset", "--json", "-c", "n[1-2]").out())
        .isEqualTo("{\"fold\":\"n[1-2]\",\"count\":2}\n");
  }

  @Test
  void separatorForExpand() {
    assertThat(herd("nodeset", "-e", "-S", ",", "n[1-3]").out()).isEqualTo("n1,n2,n3\n");
    assertThat(herd("nodeset", "-e", "-S", "\\n", "n[1-2]").out()).isEqualTo("n1\nn2\n");
  }

  @Test
  void readsStandardInputWithoutArgumentsOrWithDash() {
    CliRunner.Result stdin = herdWithInput("a1 a2\n a3 # a9\n\na4\n", "nodeset", "-f");
    assertThat(stdin.out()).isEqualTo("a[1-4]\n");
    CliRunner.Result dash = herdWithInput("a1\nn[1-2]\n", "nodeset", "-c", "-", "a5");
    assertThat(dash.out()).isEqualTo("4\n");
  }

  @Test
  void emptySetsPrintAnEmptyLineOrZero() {
    assertThat(herd("nodeset", "-f", "n1!n1").out()).isEqualTo("\n");
    assertThat(herd("nodeset", "-e", "n1&m1").out()).isEqualTo("\n");
    assertThat(herdWithInput("", "nodeset", "-c").out()).isEqualTo("0\n");
  }

  @Test
  void syntaxErrorsAreOneLineWithExitCodeTwo() {
    CliRunner.Result result = herd("nodeset", "-f", "web[1-3],db[9-2]");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("herd: nodeset: bad range \"9-2\" at column 13: start is greater than end\n");
  }

  @Test
  void unknownGroupsAreErrorsUntilTheInventoryResolvesThem() {
    CliRunner.Result result = herd("nodeset", "-f", "@web");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("herd: nodeset: @web: no such group\n");
  }

  @Test
  void exactlyOneActionIsRequired() {
    assertThat(herd("nodeset", "n1").exitCode()).isEqualTo(2);
    assertThat(herd("nodeset", "n1").err())
        .isEqualTo("herd: nodeset: give one of -f, -e, -c, -l or -r\n");
    assertThat(herd("nodeset", "-f", "-c", "n1").exitCode()).isEqualTo(2);
  }

  /** The groups file of the ClusterShell comparisons, read as a clush: inventory. */
  private static final String GROUPS =
      """
      roles:
        compute: 'n[1-8]'
        gpu: 'n[7-8]'
        io: 'io[1-2]'
        login: 'n1'
        rack1: 'n[1-4]'
        rack2: 'n[5-8]'
        rack10: 'io[1-2]'
        all: 'n[1-8],io[1-2]'
      racks:
        r1: 'n[1-4]'
        r2: 'n[5-8],io1'
      """;

  private CliRunner.Result withGroups(String... args) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("site.yaml"), GROUPS);
    String[] all = new String[args.length + 3];
    all[0] = "nodeset";
    all[1] = "--inventory";
    all[2] = "clush:site.yaml";
    System.arraycopy(args, 0, all, 3, args.length);
    return herd(all);
  }

  @Test
  void operationsBetweenArgumentsApplyLeftToRight() {
    assertThat(herd("nodeset", "-f", "n[1-5]", "-x", "n2", "-i", "n[1-3]", "-X", "n9").out())
        .isEqualTo("n[1,3,9]\n");
    assertThat(herd("nodeset", "-f", "n[1-5]", "--exclude", "n2").out()).isEqualTo("n[1,3-5]\n");
    assertThat(herd("nodeset", "-c", "n[1-5]", "-x", "n[1-2]", "m1", "m2").out()).isEqualTo("5\n");
  }

  @Test
  void operationsBeforeTheFirstArgumentApplyFirstWithAWarningOnAnEmptySet() {
    CliRunner.Result result = herd("nodeset", "-f", "-x", "n2", "n[1-5]");
    assertThat(result.out()).isEqualTo("n[1-5]\n");
    assertThat(result.err())
        .isEqualTo("herd: nodeset: warning: empty left operand for -i, -x or -X\n");
  }

  @Test
  void aDashAsOperandIsStandardInput() {
    assertThat(herdWithInput("n2 n3\n", "nodeset", "-f", "n[1-5]", "-x", "-").out())
        .isEqualTo("n[1,4-5]\n");
  }

  @Test
  void anOperationWithoutOperandIsAnError() {
    CliRunner.Result result = herd("nodeset", "-f", "n[1-5]", "-x");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("herd: -x: a node set must follow\n");
  }

  @Test
  void autostepSplitSliceAndFormat() {
    assertThat(herd("nodeset", "-f", "--autostep=3", "n[1,3,5,7,9]").out()).isEqualTo("n[1-9/2]\n");
    assertThat(herd("nodeset", "-f", "--autostep=auto", "n[1,3,5]p[1,3,5]").out())
        .isEqualTo("n[1,3,5]p[1,3,5]\n");
    assertThat(herd("nodeset", "-f", "--split=3", "n[1-10]").out())
        .isEqualTo("n[1-4]\nn[5-7]\nn[8-10]\n");
    assertThat(herd("nodeset", "-c", "--split=3", "n[1-10]").out()).isEqualTo("4\n3\n3\n");
    assertThat(herd("nodeset", "-f", "--contiguous", "n[1-3,5,7-9]").out())
        .isEqualTo("n[1-3]\nn5\nn[7-9]\n");
    assertThat(herd("nodeset", "-f", "-I", "0-2,5", "n[1-10]").out()).isEqualTo("n[1-3,6]\n");
    assertThat(herd("nodeset", "-e", "-O", "%s-ib", "n[1-3]").out())
        .isEqualTo("n1-ib n2-ib n3-ib\n");
    assertThat(herd("nodeset", "-f", "-O", "%s-ib", "n[1-3]").out()).isEqualTo("n[1-3]-ib\n");
    assertThat(herd("nodeset", "-c", "-O", "x%sx", "n[1-3]").out()).isEqualTo("x3x\n");
  }

  @Test
  void pickKeepsThatManyNodesOfTheSet() {
    for (int i = 0; i < 20; i++) {
      String picked = herd("nodeset", "-e", "--pick=2", "n[1-5]").out().strip();
      assertThat(picked.split(" ")).hasSize(2).isSubsetOf("n1", "n2", "n3", "n4", "n5");
    }
    assertThat(herd("nodeset", "-c", "--pick=9", "n[1-5]").out()).isEqualTo("5\n");
  }

  @Test
  void listsTheGroupsOfTheInventory() throws Exception {
    assertThat(withGroups("-l").out())
        .isEqualTo("@all\n@compute\n@gpu\n@io\n@login\n@rack1\n@rack2\n@rack10\n");
    assertThat(withGroups("-ll", "-s", "racks").out())
        .isEqualTo("@racks:r1 n[1-4]\n@racks:r2 io1,n[5-8]\n");
    assertThat(withGroups("-lll", "-G", "-s", "racks").out())
        .isEqualTo("@r1 n[1-4] 4\n@r2 io1,n[5-8] 5\n");
    assertThat(withGroups("-lll", "n[3-5]").out())
        .isEqualTo("@all n[3-5] 3/10\n@compute n[3-5] 3/8\n@rack1 n[3-4] 2/4\n@rack2 n5 1/4\n");
  }

  @Test
  void regroupsAllAndGroupSources() throws Exception {
    assertThat(withGroups("-r", "n[1-3]").out()).isEqualTo("@login,n[2-3]\n");
    assertThat(withGroups("-r", "-s", "racks", "n[1-8],io1").out()).isEqualTo("@racks:r[1-2]\n");
    assertThat(withGroups("-a", "-r").out()).isEqualTo("@all\n");
    assertThat(withGroups("-s", "racks", "-a", "-f").out()).isEqualTo("io1,n[1-8]\n");
    assertThat(withGroups("-f", "-a", "-x", "n1", "-i", "n[1-5]").out()).isEqualTo("n[2-5]\n");
    assertThat(herd("nodeset", "-r", "n[1-3]").out())
        .as("no inventory: no groups")
        .isEqualTo("n[1-3]\n");
  }

  @Test
  void listingNeedsAnInventoryAndAKnownSource() throws Exception {
    CliRunner.Result none = herd("nodeset", "-l");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).startsWith("herd: ").hasLineCount(1);
    CliRunner.Result unknown = withGroups("-l", "-s", "rakcs");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo("herd: -s rakcs: no such group source (the inventory has racks, roles)\n");
  }

  @Test
  void badOptionValuesAreOneLineWithExitCodeTwo() {
    for (String[] args :
        List.of(
            new String[] {"nodeset", "-f", "--autostep=x", "n1"},
            new String[] {"nodeset", "-f", "--split=x", "n1"},
            new String[] {"nodeset", "-f", "--split=2", "--contiguous", "n1"},
            new String[] {"nodeset", "-f", "-O", "%d", "n1"},
            new String[] {"nodeset", "-f", "-I", "3-1", "n1"},
            new String[] {"nodeset", "-f", "--pick=0", "n1"},
            new String[] {"nodeset", "-r", "--json", "n1"})) {
      CliRunner.Result result = herd(args);
      assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(result.err()).as(String.join(" ", args)).hasLineCount(1);
      assertThat(result.out()).isEmpty();
    }
  }
}
