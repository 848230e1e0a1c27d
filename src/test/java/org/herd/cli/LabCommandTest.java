package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lab commands' handling of bad input: one line, exit 2, nothing started. */
class LabCommandTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      value = {
        "lab up --hosts 0 => herd: --hosts 0: a lab has 1 to 244 hosts",
        "lab up --name Lab => herd: lab name 'Lab': use 1 to 8 lower-case letters and digits,"
            + " starting with a letter",
        "lab up --release sid => herd: release 'sid': the lab runs bookworm or trixie",
        "lab up --subnet 10.0.0.0/16 => herd: subnet '10.0.0.0/16': expected a /24 such as"
            + " 10.213.0.0/24",
        "lab cluster kafka => herd: cluster kind 'kafka': expected etcd, galera, rabbitmq or"
            + " redis-sentinel",
        "lab status --name nosuch9 => herd: lab nosuch9: not up (start it with 'herd lab up')",
      })
  void badInputIsOneLineAndExitTwo(String args, String message) {
    CliRunner.Result result = new CliRunner(dir, Map.of()).run(args.split(" "));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(message + System.lineSeparator());
  }

  @Test
  void suiteMustBeOldOrNew() {
    CliRunner.Result result = new CliRunner(dir, Map.of()).run("lab", "suite", "newest");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("old", "new");
  }

  @Test
  void clusterMembersExpandSimpleRanges() {
    assertThat(LabClusterCommand.members("lab-[1-3]")).containsExactly("lab-1", "lab-2", "lab-3");
    assertThat(LabClusterCommand.members("lab-1, lab-[4-5]"))
        .containsExactly("lab-1", "lab-4", "lab-5");
    assertThat(LabClusterCommand.members(null)).isEmpty();
    assertThatThrownBy(() -> LabClusterCommand.members("lab-[3-1]"))
        .hasMessageContaining("backwards");
  }
}
