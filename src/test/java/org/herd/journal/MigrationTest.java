package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationTest {

  @Test
  void everyMigrationResourceIsListedAndNoListedOneIsMissing()
      throws IOException, URISyntaxException {
    Path directory = Path.of(getClass().getClassLoader().getResource(Migration.DIRECTORY).toURI());
    try (Stream<Path> files = Files.list(directory)) {
      List<String> bases =
          files
              .map(file -> file.getFileName().toString())
              .map(name -> name.replaceFirst("(\\.(sqlite|postgresql))?\\.sql$", ""))
              .distinct()
              .sorted()
              .toList();
      assertThat(bases).containsExactlyInAnyOrderElementsOf(Migrator.BUILT_IN);
    }
    for (Dialect dialect : Dialect.values()) {
      assertThat(Migrator.builtIn(dialect, Clock.systemUTC()).latestVersion())
          .isEqualTo(Migrator.BUILT_IN.size());
    }
  }

  @Test
  void theChecksumIgnoresLineEndingsButNotContent() {
    Migration unix = Migration.of(1, "x", "CREATE TABLE t (x INT);\n");
    Migration windows = Migration.of(1, "x", "CREATE TABLE t (x INT);\r\n");
    Migration other = Migration.of(1, "x", "CREATE TABLE t (y INT);\n");

    assertThat(windows.checksum()).isEqualTo(unix.checksum()).hasSize(64);
    assertThat(other.checksum()).isNotEqualTo(unix.checksum());
  }

  @Test
  void theFirstMigrationIsReadFromItsResource() {
    Migration first = Migration.load("V1__initial_schema", Dialect.SQLITE);

    assertThat(first.version()).isEqualTo(1);
    assertThat(first.description()).isEqualTo("initial schema");
    assertThat(first.statements()).anyMatch(sql -> sql.startsWith("CREATE TABLE leases"));
  }

  @Test
  void versionsMustFollowOneAnother() {
    List<Migration> gap =
        List.of(Migration.of(1, "a", "SELECT 1"), Migration.of(3, "c", "SELECT 1"));

    assertThatThrownBy(() -> new Migrator(gap, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Migration.load("initial", Dialect.SQLITE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
