package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd status} in-process over the local transport against this machine: two host names,
 * both this machine, must fold into one row whose pending count is apt's own.
 */
class StatusCommandIT {

  @TempDir Path dir;

  /** What apt itself would install now: its {@code Inst} lines. */
  private static int aptInstLines() throws IOException, InterruptedException {
    Process apt =
        new ProcessBuilder("sh", "-c", "apt-get -s -o Debug::NoLocking=1 dist-upgrade")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(apt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    apt.waitFor();
    return (int) out.lines().filter(l -> l.startsWith("Inst ")).count();
  }

  @Test
  void foldsThisMachineTwiceIntoOneRowWithAptsPendingCount() throws Exception {
    Path journal = dir.resolve("state/journal.db");
    CliRunner runner = new CliRunner(dir, Map.of("HOME", dir.toString()));

    CliRunner.Result json =
        runner.run(
            "status", "--transport", "local", "--journal", journal.toString(), "--json", "n[1-2]");
    int expected = aptInstLines();

    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.out());
    assertThat(root.path("rows")).hasSize(1);
    JsonNode row = root.path("rows").get(0);
    assertThat(row.path("hosts").asText()).isEqualTo("n[1-2]");
    JsonNode upgrades = root.path("hosts").path("n1").path("facts").path("upgrades");
    assertThat(upgrades.path("pending").size() + upgrades.path("newPackages").size())
        .isEqualTo(expected);
    assertThat(row.path("state").path("pending").size()).isEqualTo(upgrades.path("pending").size());
    assertThat(root.path("unreachable")).isEmpty();
    try (Journal store =
        Journal.open(JournalLocation.parse(journal.toString()), Clock.systemUTC())) {
      assertThat(store.latestFacts(List.of("n1", "n2"))).containsOnlyKeys("n1", "n2");
    }

    CliRunner.Result text =
        runner.run("status", "--transport", "local", "--journal", journal.toString(), "n1");
    assertThat(text.exitCode()).as(text.err()).isZero();
    List<String> lines = text.out().lines().toList();
    assertThat(lines.get(0)).startsWith("HOSTS").contains("PENDING(SEC)");
    assertThat(lines.get(1))
        .startsWith("n1 (1)")
        .contains(" " + upgrades.path("pending").size() + " (");
  }
}
