package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on an SQLite file, plus what is particular to SQLite. */
class SqliteJournalTest extends JournalContract {

  @TempDir Path dir;
  private int files;

  @Override
  JournalLocation freshLocation() {
    return JournalLocation.parse(dir.resolve("journal" + ++files + ".db").toString());
  }

  @Test
  void theFileAndItsMissingDirectoriesAreCreatedPrivate() throws Exception {
    Path file = dir.resolve("home/.local/state/herd/journal.db");

    open(JournalLocation.parse(file.toString()));

    assertThat(file).isRegularFile();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent().getParent())))
        .isEqualTo("rwx------");
    assertThat(Path.of(file + "-wal"))
        .satisfies(
            wal ->
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wal)))
                    .isEqualTo("rw-------"));
  }

  @Test
  void aFileThatIsNoJournalIsRefusedInSqlitesWords() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.db"), "not a database\n");
    Files.createDirectories(dir.resolve("folder.db"));

    assertThatThrownBy(() -> open(JournalLocation.parse(text.toString())))
        .isInstanceOf(JournalException.class)
        .hasMessage("journal " + text + ": cannot connect: file is not a database");
    assertThatThrownBy(() -> open(JournalLocation.parse(dir.resolve("folder.db").toString())))
        .isInstanceOf(JournalException.class)
        .hasMessage(
            "journal "
                + dir.resolve("folder.db")
                + ": cannot connect: unable to open database file");
  }

  @Test
  void connectionsUseWalForeignKeysAndABusyTimeout() {
    try (ConnectionSource db = new ConnectionSource(location)) {
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(db, "busy_timeout")).isEqualTo(String.valueOf(Dialect.BUSY_TIMEOUT_MILLIS));
    }
  }

  private static String pragma(ConnectionSource db, String name) {
    return db.read(
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
          }
        });
  }
}
