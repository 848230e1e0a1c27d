package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.ops.ServeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd pause RUN}: a pause request in the journal, with who asked, for the executing herd.
 */
class PauseCommandTest {

  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(
        dir,
        Map.of(
            "HERD_JOURNAL",
            dir.resolve("journal.db").toString(),
            "USER",
            "carol",
            "HOME",
            dir.toString()));
  }

  @Test
  void aRunningRunIsAskedToPauseAndWhoAskedIsRecorded() throws Exception {
    RunId run;
    try (ServeFixture site = new ServeFixture(dir)) {
      run = site.runningRun();
    }

    CliRunner.Result result = cli().run("pause", run.value());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).contains("asked the herd executing it to pause");
    try (Journal journal =
        Journal.open(
            JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC())) {
      assertThat(journal.actions(run))
          .singleElement()
          .satisfies(a -> assertThat(a.by()).startsWith("carol@"));
      assertThat(journal.takePauseRequest(run)).isTrue();
      journal.setState(run, RunState.PAUSED);
    }

    CliRunner.Result again = cli().run("pause", run.value());
    assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(again.err().lines()).hasSize(1);
    assertThat(again.err()).contains("paused, not running");
  }

  @Test
  void anUnknownRunIsAOneLineErrorWithExit2() {
    CliRunner.Result result = cli().run("pause", "20990101-000000-abcdef");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).contains("no such run");
  }
}
