package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.ops.ServeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd resume RUN} journals who resumed the run, as pause and abort do. */
class ResumeCommandTest {

  @TempDir Path dir;

  @Test
  void whoResumedIsJournaled() throws Exception {
    RunId run;
    try (ServeFixture site = new ServeFixture(dir)) {
      run = site.runningRun(); // no herd holds it: it crashed, and may be resumed
    }
    // Its hosts refuse connections at once (loopback port 1): the resumed run ends unreachable.
    StringBuilder hosts = new StringBuilder("defaults:\n  port: 1\n  become: none\nhosts:\n");
    for (String host : List.of("db1", "db2", "db3", "web1", "web2")) {
      hosts.append("  ").append(host).append(":\n    address: 127.0.0.1\n");
    }
    String inventory = ServeFixture.INVENTORY;
    Files.writeString(
        dir.resolve("herd.yaml"), hosts + inventory.substring(inventory.indexOf("groups:")));
    CliRunner cli =
        new CliRunner(
            dir,
            Map.of(
                "HERD_JOURNAL",
                dir.resolve("journal.db").toString(),
                "HERD_INVENTORY",
                dir.resolve("herd.yaml").toString(),
                "USER",
                "carol",
                "HOME",
                dir.toString()));

    CliRunner.Result result = cli.run("resume", run.value());

    assertThat(result.exitCode()).as(result.err()).isNotZero();
    try (Journal journal =
        Journal.open(
            JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC())) {
      assertThat(journal.actions(run))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.action().name()).isEqualTo("RESUME");
                assertThat(a.by()).startsWith("carol@");
              });
    }
  }
}
