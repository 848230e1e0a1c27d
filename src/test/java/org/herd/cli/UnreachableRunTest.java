package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd upgrade} and {@code herd reboot} whose hosts cannot be probed (loopback port 1,
 * connection refused): the hosts were asked for and not upgraded or rebooted, so the command exits
 * as a run with unreachable hosts does (8), not 0, and records no run.
 */
class UnreachableRunTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) throws Exception {
    return UnreachableHosts.runner(dir).run(args);
  }

  @Test
  void anUpgradeOfUnreachableHostsExitsAsARunWithUnreachableHosts() throws Exception {
    CliRunner.Result result = herd("upgrade", "-y");

    assertThat(result.out()).contains("unreachable: a,b (connection refused)");
    assertThat(result.out()).contains("nothing to upgrade");
    assertThat(result.exitCode()).isEqualTo(8);
    assertThat(herd("runs").out()).startsWith("no runs yet");
  }

  @Test
  void aRebootOfUnreachableHostsExitsAsARunWithUnreachableHosts() throws Exception {
    CliRunner.Result result = herd("reboot", "-y", "--json");

    assertThat(result.err()).contains("herd: reboot: a,b: not reached (connection refused)");
    assertThat(result.out()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(8);
    assertThat(herd("runs").out()).startsWith("no runs yet");
  }

  @Test
  void aPlanFileThatCouldNotBeWrittenIsRefusedBeforeAnyHostIsProbed() throws Exception {
    for (String command : new String[] {"plan", "upgrade"}) {
      CliRunner.Result directory = herd(command, "-o", ".");
      assertThat(directory.err()).isEqualTo("herd: --output .: a directory, not a file\n");
      assertThat(directory.exitCode()).isEqualTo(ExitCode.USAGE.code());

      CliRunner.Result nowhere = herd(command, "-o", "no/such/plan.json");
      assertThat(nowhere.err())
          .isEqualTo(
              "herd: --output no/such/plan.json: no such directory "
                  + dir.resolve("no/such")
                  + "\n");
      assertThat(nowhere.exitCode()).isEqualTo(ExitCode.USAGE.code());
    }
  }

  @Test
  void theHostsNotProbedAddToTheRunsOwnExitCodeButNotToARefusal() {
    PlanCommand.Planned planned =
        new PlanCommand.Planned(null, "", Map.of("connection refused", java.util.List.of("b")));

    assertThat(planned.exitCode(0)).isEqualTo(8);
    assertThat(planned.exitCode(4)).isEqualTo(12);
    assertThat(planned.exitCode(8)).isEqualTo(8);
    assertThat(planned.exitCode(ExitCode.FAILURE.code())).isEqualTo(1);
    assertThat(planned.exitCode(ExitCode.UNAVAILABLE.code())).isEqualTo(3);
    assertThat(planned.exitCode(130)).isEqualTo(130);
    assertThat(new PlanCommand.Planned(null, "", Map.of()).exitCode(4)).isEqualTo(4);
  }
}
