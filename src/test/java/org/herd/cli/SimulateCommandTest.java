package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd simulate}: reports, strategies, and fleet-file errors at file:line:col. */
class SimulateCommandTest {

  private static final String FLEET =
      String.join(
          "\n",
          "seed: 3",
          "parallel: 4",
          "steps:",
          "  download: 30s",
          "  install: 2m ±30s",
          "  health: 30s",
          "clusters:",
          "  - name: db",
          "    size: 3",
          "    budget: 1",
          "    settle: 20s",
          "pools:",
          "  - name: web",
          "    size: 8",
          "    budget: 50%",
          "standalone:",
          "  - name: cmp",
          "    size: 4",
          "failures:",
          "  - host: db-2",
          "    step: install",
          "");

  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(dir, Map.of());
  }

  @Test
  void anOkToStopRefusalFromTheFleetFileHoldsTheClusterThenGivesItUp() throws Exception {
    Files.writeString(
        dir.resolve("fleet.yaml"),
        String.join(
            "\n",
            "gate-deadline: 5m",
            "clusters:",
            "  - name: db",
            "    size: 2",
            "failures:",
            "  - ok-to-stop: db",
            "    from: 0s",
            "    for: 1h",
            ""));
    CliRunner.Result result = cli().run("simulate", "fleet.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains(
            "not started: db-1: cluster db ok-to-stop of db-1 failing for 5m: injected ok-to-stop"
                + " refusal of db-1");
  }

  @Test
  void printsMakespanLowerBoundAndEachGroupsMeasuredConcurrency() throws Exception {
    Files.writeString(dir.resolve("fleet.yaml"), FLEET);
    CliRunner.Result result = cli().run("simulate", "fleet.yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("strategy herd: 15 hosts, makespan ");
    assertThat(result.out()).containsPattern("(?m)^db +cluster +3 +1 +1 ");
    assertThat(result.out()).containsPattern("(?m)^web +pool +8 +4 +4 ");
    assertThat(result.out()).contains("not started: db-3: cluster db degraded by db-2");
  }

  @Test
  void jsonIsTheSameForTheSameSeedAndAnsibleSerialIsSlower() throws Exception {
    Files.writeString(dir.resolve("fleet.yaml"), FLEET);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(cli().run("simulate", "--json", "fleet.yaml").out());
    JsonNode again = json.readTree(cli().run("simulate", "--json", "fleet.yaml").out());
    JsonNode ansible =
        json.readTree(
            cli().run("simulate", "--json", "--strategy", "ansible-serial", "fleet.yaml").out());

    assertThat(first).isEqualTo(again);
    assertThat(first.get("ratio").asDouble()).isGreaterThanOrEqualTo(1.0);
    assertThat(ansible.get("makespanSeconds").asDouble())
        .isGreaterThan(first.get("makespanSeconds").asDouble());
    assertThat(first.get("notStarted").get("db-3").asText())
        .isEqualTo("cluster db degraded by db-2");
  }

  @Test
  void everyMistakeOfTheFleetFileIsOneLineWithItsPosition() throws Exception {
    Files.writeString(
        dir.resolve("bad.yaml"),
        String.join(
            "\n",
            "parallel: zero",
            "clusters:",
            "  - name: db",
            "    size: 3",
            "    budgte: 1",
            "    steps: {instal: 3m}",
            "failures:",
            "  - host: db-9",
            "    step: install",
            ""));
    CliRunner.Result result = cli().run("simulate", "bad.yaml");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines())
        .containsExactly(
            "herd: bad.yaml:1:11: expected a whole number of at least 1, not `zero`",
            "herd: bad.yaml:5:5: unknown key `budgte`; expected one of [budget, count, members,"
                + " name, settle, size, steps]",
            "herd: bad.yaml:6:13: unknown step `instal`; steps are download, precheck, drain,"
                + " guard, install, restart, reboot, health, undrain, unguard, verify",
            "herd: bad.yaml:8:11: unknown host `db-9`");
  }

  @Test
  void anUnknownStrategyIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("fleet.yaml"), FLEET);
    CliRunner.Result result = cli().run("simulate", "--strategy", "batch", "fleet.yaml");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err()).contains("--strategy 'batch'");
  }
}
