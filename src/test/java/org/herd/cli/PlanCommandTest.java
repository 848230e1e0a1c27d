package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.herd.plan.ConffileOutlook;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import org.herd.plan.RebootPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd plan} in-process. Over the local transport every host name probes this machine, so
 * the plans of all hosts are identical whatever this machine has pending.
 */
class PlanCommandTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of("HOME", dir.toString())).run(args);
  }

  @Test
  void identicalHostsFoldIntoOneBlockAndThePlanFileHoldsEveryHost() throws Exception {
    CliRunner.Result result =
        herd(
            "plan",
            "--transport",
            "local",
            "n[1-3]",
            "-o",
            "plan.json",
            "--exclude",
            "no-such-pkg",
            // This machine's own pending upgrades: no candidate .debs fetched by a unit test.
            "--no-conffiles");

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).startsWith("n[1-3] (3): ").contains("plan written to plan.json");
    Plan plan = PlanJson.read(Files.readString(dir.resolve("plan.json")));
    assertThat(plan.hosts()).extracting(HostPlan::host).containsExactly("n1", "n2", "n3");
    assertThat(plan.created().toString()).isEqualTo("2026-11-25T12:00:00Z");
    assertThat(plan.options().exclude())
        .extracting(Object::toString)
        .containsExactly("no-such-pkg");
    assertThat(plan.hosts())
        .extracting(h -> h.renamed("x"))
        .containsOnly(plan.hosts().get(0).renamed("x"));
    assertThat(plan.hosts())
        .extracting(HostPlan::conffiles)
        .allMatch(c -> c.equals(ConffileOutlook.none()) || "--no-conffiles".equals(c.unknown()));
    boolean executable = plan.hosts().get(0).executable();
    assertThat(result.exitCode()).isEqualTo(executable ? 0 : 1);
  }

  @Test
  void jsonPrintsExactlyThePlanFile() throws Exception {
    CliRunner.Result result =
        herd("plan", "--transport", "local", "n1", "--no-conffiles", "--json", "-o", "p.json");

    assertThat(result.out()).isEqualTo(Files.readString(dir.resolve("p.json")));
    assertThat(PlanJson.read(result.out()).hosts()).hasSize(1);
  }

  @Test
  void unreachableHostsAreListedAndLeftOutOfThePlan() throws Exception {
    Files.writeString(
        dir.resolve("herd.yaml"), "hosts:\n  far:\n    address: 127.0.0.1\n    port: 1\n");

    CliRunner.Result result = herd("plan", "far", "-o", "plan.json", "-t", "5");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains("no host to plan").contains("unreachable: far (");
    assertThat(PlanJson.read(Files.readString(dir.resolve("plan.json"))).hosts()).isEmpty();
  }

  @Test
  void anInvalidPackageNameIsABadInput() {
    CliRunner.Result result = herd("plan", "--transport", "local", "n1", "--only", "Bad;name");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("herd: --only: package name 'Bad;name': ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void theRebootPolicyIsRecordedInThePlanWithEachHostsDecision() throws Exception {
    CliRunner.Result result =
        herd(
            "plan",
            "--transport",
            "local",
            "n[1-2]",
            "--no-conffiles",
            "--reboot",
            "always",
            "-o",
            "plan.json");

    Plan plan = PlanJson.read(Files.readString(dir.resolve("plan.json")));
    assertThat(plan.options().reboot()).isEqualTo(RebootPolicy.ALWAYS);
    JsonNode decisions = new ObjectMapper().readTree(dir.resolve("plan.json").toFile());
    for (HostPlan host : plan.executableHosts()) {
      assertThat(decisions.at("/rebootDecisions/" + host.host() + "/verdict").asText())
          .isEqualTo("YES");
    }
    if (!plan.executableHosts().isEmpty()) {
      assertThat(result.out()).contains("  will reboot: yes (--reboot always)");
    }
  }

  @Test
  void withoutRebootThePlanNeverReboots() throws Exception {
    herd("plan", "--transport", "local", "n1", "--no-conffiles", "-o", "plan.json");

    assertThat(PlanJson.read(Files.readString(dir.resolve("plan.json"))).options().reboot())
        .isEqualTo(RebootPolicy.NEVER);
  }

  @Test
  void anUnknownRebootPolicyIsOneLineAndExit2BeforeAnythingIsProbed() {
    for (String command : List.of("plan", "upgrade", "apply")) {
      CliRunner.Result result = herd(command, "--reboot", "sometimes", "plan.json");

      assertThat(result.exitCode()).as(command).isEqualTo(2);
      assertThat(result.err().lines()).as(command).hasSize(1);
      assertThat(result.err())
          .as(command)
          .startsWith("herd " + command + ": ")
          .contains("'sometimes' is not one of never, if-required, always");
      assertThat(result.out()).as(command).isEmpty();
    }
  }

  @Test
  void rebootHasNoRebootOption() {
    CliRunner.Result result = herd("reboot", "--reboot", "never", "n1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("--reboot");
  }
}
