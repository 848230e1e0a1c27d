package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.herd.plan.PlanJson;
import org.herd.plan.RebootPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd upgrade} in-process over the local transport, declined at the prompt (nothing is
 * installed on this machine): {@code --json} is the event stream, whose first event is the plan,
 * and {@code -o} writes the plan file with the reboot policy given.
 */
class UpgradeCommandTest {

  @TempDir Path dir;

  @Test
  void jsonIsTheEventStreamWithThePlanFirstAndOutputWritesThePlanFile() throws Exception {
    CliRunner.Result result =
        new CliRunner(
                dir, Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("j.db").toString()))
            .runWithInput(
                "n\n",
                "upgrade",
                "--transport",
                "local",
                "n[1-2]",
                "--no-conffiles",
                "--json",
                "--reboot",
                "if-required",
                "--serial",
                "1,50%",
                "--canary",
                "pause",
                "-o",
                "plan.json");

    ObjectMapper json = new ObjectMapper();
    var lines = result.out().lines().toList();
    assertThat(lines).as(result.err()).isNotEmpty();
    for (String line : lines) {
      assertThat(json.readTree(line).isObject()).as(line).isTrue();
    }
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("event").asText()).isEqualTo("plan");
    assertThat(first.at("/plan/options/reboot").asText()).isEqualTo("IF_REQUIRED");
    assertThat(first.at("/plan/hosts").size()).isEqualTo(2);
    var plan = PlanJson.read(Files.readString(dir.resolve("plan.json")));
    assertThat(plan.options().reboot()).isEqualTo(RebootPolicy.IF_REQUIRED);
    boolean nothingToDo = plan.executableHosts().stream().allMatch(h -> h.isEmpty());
    if (nothingToDo) {
      assertThat(result.exitCode()).isZero();
      assertThat(result.err()).contains("nothing to upgrade");
    } else {
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).contains("herd: upgrade: not applied");
    }
  }
}
