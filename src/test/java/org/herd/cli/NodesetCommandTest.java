package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
        .isEqualTo(
            "herd nodeset: Missing required argument (specify one of these): (-f | -e | -c)"
                + " (see 'herd nodeset --help')\n");
    assertThat(herd("nodeset", "-f", "-c", "n1").exitCode()).isEqualTo(2);
  }
}
