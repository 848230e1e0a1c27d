package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JournalLocationTest {

  private static final Map<String, String> ALICE = Map.of("HOME", "/home/alice");
  private static final Path HERE = Path.of("/srv/work");

  @Test
  void rootUsesVarLib() {
    JournalLocation location = JournalLocation.resolve(null, ALICE, 0, HERE);

    assertThat(location.file()).contains(Path.of("/var/lib/herd/journal.db"));
    assertThat(location.url()).isEqualTo("jdbc:sqlite:/var/lib/herd/journal.db");
    assertThat(location.dialect()).isEqualTo(Dialect.SQLITE);
  }

  @Test
  void aUserUsesTheirStateDirectory() {
    assertThat(JournalLocation.resolve(null, ALICE, 1000, HERE).file())
        .contains(Path.of("/home/alice/.local/state/herd/journal.db"));
    assertThat(
            JournalLocation.resolve(
                    null, Map.of("HOME", "/home/alice", "XDG_STATE_HOME", "/srv/state"), 1000, HERE)
                .file())
        .contains(Path.of("/srv/state/herd/journal.db"));
    // a relative XDG_STATE_HOME is invalid and ignored, as the specification says
    assertThat(
            JournalLocation.resolve(
                    null, Map.of("HOME", "/home/alice", "XDG_STATE_HOME", "state"), 1000, HERE)
                .file())
        .contains(Path.of("/home/alice/.local/state/herd/journal.db"));
  }

  @Test
  void theOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() {
    Map<String, String> env = Map.of("HOME", "/home/alice", "HERD_JOURNAL", "/tmp/env.db");

    assertThat(JournalLocation.resolve("/tmp/option.db", env, 0, HERE).file())
        .contains(Path.of("/tmp/option.db"));
    assertThat(JournalLocation.resolve(null, env, 0, HERE).file()).contains(Path.of("/tmp/env.db"));
    assertThat(JournalLocation.resolve("", env, 0, HERE).file()).contains(Path.of("/tmp/env.db"));
  }

  @ParameterizedTest
  @CsvSource({
    "jdbc:postgresql://db.example/herd, POSTGRESQL, ''",
    "jdbc:sqlite:/var/tmp/j.db, SQLITE, /var/tmp/j.db",
    "jdbc:sqlite:file:/var/tmp/j.db?cache=shared, SQLITE, /var/tmp/j.db",
    "/var/tmp/plain.db, SQLITE, /var/tmp/plain.db",
  })
  void namedJournalsAreUrlsOrFiles(String text, Dialect dialect, String file) {
    JournalLocation location = JournalLocation.parse(text);

    assertThat(location.dialect()).isEqualTo(dialect);
    assertThat(location.file())
        .isEqualTo(file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)));
  }

  @Test
  void aRelativeFileOfTheOptionOrTheEnvironmentIsInTheWorkingDirectory() {
    assertThat(JournalLocation.resolve("j.db", ALICE, 1000, HERE).file())
        .contains(Path.of("/srv/work/j.db"));
    assertThat(JournalLocation.resolve(null, Map.of("HERD_JOURNAL", "../j.db"), 1000, HERE).url())
        .isEqualTo("jdbc:sqlite:/srv/j.db");
    assertThat(JournalLocation.resolve("jdbc:sqlite:file:j.db?cache=shared", ALICE, 0, HERE).url())
        .isEqualTo("jdbc:sqlite:file:/srv/work/j.db?cache=shared");
  }

  @Test
  void aRelativeFileBecomesAbsolute() {
    JournalLocation location = JournalLocation.parse("journal.db");

    assertThat(location.file().orElseThrow()).isAbsolute();
    assertThat(location.url()).startsWith("jdbc:sqlite:/");
  }

  @Test
  void otherDatabasesAndInMemorySqliteAreRefused() {
    assertThatThrownBy(() -> JournalLocation.parse("jdbc:mysql://db/herd?password=s3cret"))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("unsupported database")
        .hasMessageNotContaining("s3cret");
    for (String inMemory : List.of("jdbc:sqlite::memory:", ":memory:", "file::memory:")) {
      assertThatThrownBy(() -> JournalLocation.parse(inMemory))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("in-memory");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db/herd?user=herd&password=s3cret&ssl=true"
            + " | jdbc:postgresql://db/herd?user=herd&password=***&ssl=true",
        "jdbc:postgresql://db/herd?PASSWORD=s3cret | jdbc:postgresql://db/herd?PASSWORD=***",
        "jdbc:postgresql://herd:s3cret@db:5432/herd | jdbc:postgresql://herd:***@db:5432/herd",
        "jdbc:postgresql://herd:p@ss:w0rd@db/herd | jdbc:postgresql://herd:***@db/herd",
        "jdbc:postgresql://db:5432/herd?user=herd | jdbc:postgresql://db:5432/herd?user=herd",
        "jdbc:postgresql://herd@db/herd | jdbc:postgresql://herd@db/herd",
      })
  void passwordsAreKeptOutOfMessages(String url, String shown) {
    assertThat(JournalLocation.parse(url).describe()).isEqualTo(shown);
  }
}
