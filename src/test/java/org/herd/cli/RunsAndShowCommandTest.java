package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.RunSpec;
import org.herd.journal.RunState;
import org.herd.journal.StepOutcome;
import org.herd.journal.VersionPhase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsAndShowCommandTest {

  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(dir, Map.of("HERD_JOURNAL", dir.resolve("journal.db").toString()));
  }

  private RunId failedRun() {
    try (Journal journal =
        Journal.open(
            JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC())) {
      RunId run =
          journal.createRun(
              new RunSpec("herd apply plan.json", List.of("web1", "web2"), "{}", "alice@ops"));
      for (String host : List.of("web1", "web2")) {
        journal.stepStarted(run, host, "download");
        journal.stepFinished(run, host, "download", StepOutcome.CHANGED, "fetched 3 packages");
      }
      journal.stepStarted(run, "web2", "install");
      journal.stepFinished(
          run, "web2", "install", StepOutcome.FAILED, "Setting up foo\nE: dpkg returned 1");
      journal.recordVersions(run, "web1", VersionPhase.BEFORE, Map.of("nginx", "1.22.1-9"));
      journal.recordVersions(run, "web1", VersionPhase.AFTER, Map.of("nginx", "1.22.1-9+deb12u1"));
      journal.setState(run, RunState.FAILED);
      return run;
    }
  }

  @Test
  void runsListsTheRunWithItsCounts() {
    RunId run = failedRun();
    CliRunner.Result result = cli().run("runs");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains(run.value()).contains("failed").contains("alice@ops");
  }

  @Test
  void showTellsEachHostsStepsTheFailureAndTheVersions() throws Exception {
    RunId run = failedRun();
    CliRunner.Result result = cli().run("show", run.value());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("web2: install failed (attempt 1):")
        .contains("  E: dpkg returned 1")
        .contains("web1: nginx 1.22.1-9 -> 1.22.1-9+deb12u1");
    assertThat(result.out().lines().filter(l -> l.startsWith("web2 ")).findFirst().orElseThrow())
        .contains("changed")
        .contains("FAILED");

    JsonNode json = new ObjectMapper().readTree(cli().run("show", "--json", run.value()).out());
    assertThat(json.get("state").asText()).isEqualTo("failed");
    assertThat(json.get("steps")).hasSize(3);
    assertThat(json.get("versions").get(0).get("after").asText()).isEqualTo("1.22.1-9+deb12u1");
  }

  @Test
  void anUnknownRunIsAOneLineError() {
    failedRun();
    CliRunner.Result result = cli().run("show", "20990101-000000-abcdef");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().strip())
        .isEqualTo("herd: run 20990101-000000-abcdef: no such run (see 'herd runs')");
  }
}
