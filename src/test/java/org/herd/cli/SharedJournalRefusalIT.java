package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.herd.engine.RunLease;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two herd processes on one PostgreSQL journal (two operators' machines sharing it): while one run
 * holds a host, {@code herd apply} from another process is refused, naming the holder, and touches
 * nothing. The holder here is this test's JVM, through the same {@link RunLease} a run takes; the
 * second is a real {@code herd} process started from the built jar.
 */
class SharedJournalRefusalIT {

  @TempDir Path dir;

  @Test
  void applyFromAnotherProcessIsRefusedWhileARunHoldsTheHost() throws Exception {
    Optional<Path> binaries = PostgresServer.binaries();
    require(binaries.isPresent(), "no PostgreSQL binaries (apt-get install postgresql)");
    ApplyCommandTest plans = new ApplyCommandTest();
    plans.dir = dir;
    plans.writePlan();
    try (PostgresServer server = PostgresServer.start(binaries.get())) {
      JournalLocation location = server.newDatabase();
      try (Journal journal = Journal.open(location, Clock.systemUTC());
          RunLease held =
              RunLease.acquire(
                  journal,
                  List.of("web1"),
                  new HolderIdentity("alice", "ops1", 1234, Optional.empty()))) {
        Process herd =
            new ProcessBuilder(
                    "java",
                    "-jar",
                    Path.of("target/herd.jar").toAbsolutePath().toString(),
                    "apply",
                    "--journal",
                    location.url(),
                    "--transport",
                    "local",
                    dir.resolve("plan.json").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(herd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(herd.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(herd.exitValue()).as(output).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(output).contains("herd: host web1 is held by alice@ops1 pid=1234 since ");
        assertThat(journal.runs()).as("no run was created").isEmpty();
      }
    }
  }
}
