package org.herd.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Brings a journal's schema to the version this herd knows, every time a journal is opened.
 *
 * <p>Migrations are the scripts of {@link Migration}, applied in version order, each in its own
 * transaction together with its row in the history table {@code herd_schema_history} (version,
 * description, checksum, time), so a migration is either wholly applied and recorded or not at all.
 * Checksums of applied migrations are compared on every open; a journal whose schema is newer than
 * this herd, or whose applied scripts differ from this herd's, is refused rather than used.
 * Migrators of one database exclude each other: on SQLite by {@code BEGIN IMMEDIATE}, on PostgreSQL
 * by a transaction-scoped advisory lock; the loser waits, then finds the work done.
 *
 * <p>Why not Flyway (13.12), which the issue suggested: its SQLite support (in {@code flyway-core})
 * takes no lock at all ({@code SQLiteTable.doLock} only logs), so two herd processes opening a
 * fresh journal at once could both migrate it; and it costs start-up time that every short command
 * ({@code herd runs}, {@code herd status}) would pay: measured on this project's machine with an
 * up-to-date SQLite journal, Flyway's {@code migrate()} took 690 ms at best and 1,220 ms at the
 * median against 430/470 ms for opening the database and reading one history table, i.e. 0.26 to
 * 0.75 s more (the budget was 0.3 s), and about 0.6 s more CPU time per process than this runner,
 * which costs no more than opening the connection. herd needs forward-only, versioned SQL, which is
 * this class. When the schema is current, opening costs one query and takes no lock.
 */
final class Migrator {

  /** The base names of herd's migrations, in order; each is a resource under migrations/. */
  static final List<String> BUILT_IN =
      List.of("V1__initial_schema", "V2__step_changes_and_run_actions", "V3__steps_by_outcome");

  static final String HISTORY = "herd_schema_history";

  private final List<Migration> migrations;
  private final Clock clock;

  /**
   * @param migrations versions 1, 2, … in order
   */
  Migrator(List<Migration> migrations, Clock clock) {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("migration versions must be 1, 2, … in order");
      }
    }
    this.migrations = List.copyOf(migrations);
    this.clock = clock;
  }

  /** herd's own migrations, in the SQL of a dialect. */
  static Migrator builtIn(Dialect dialect, Clock clock) {
    return new Migrator(
        BUILT_IN.stream().map(name -> Migration.load(name, dialect)).toList(), clock);
  }

  /** The schema version this herd knows. */
  int latestVersion() {
    return migrations.size();
  }

  /**
   * Applies every migration not yet applied.
   *
   * @return how many this call applied (0 when the schema was current, or another process did it)
   * @throws JournalException when the schema is newer than this herd, an applied migration differs,
   *     or a migration fails (its transaction is rolled back)
   */
  int migrate(ConnectionSource db) {
    if (upToDate(db)) {
      return 0;
    }
    int applied = 0;
    while (db.write(connection -> applyNext(db, connection))) {
      applied++;
    }
    return applied;
  }

  // The common case, without a lock: every migration applied, checksums equal.
  private boolean upToDate(ConnectionSource db) {
    Map<Integer, String> history;
    try {
      history = db.read(Migrator::history);
    } catch (JournalException e) {
      return false; // no history table yet, or unreadable: the locked path will tell
    }
    verify(db, history);
    return history.size() == migrations.size();
  }

  private boolean applyNext(ConnectionSource db, Connection connection) throws SQLException {
    db.dialect().lockForMigration(connection);
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + HISTORY
              + " (version INTEGER PRIMARY KEY, description VARCHAR(255) NOT NULL,"
              + " checksum VARCHAR(64) NOT NULL, applied_at BIGINT NOT NULL)");
    }
    Map<Integer, String> history = history(connection);
    verify(db, history);
    if (history.size() == migrations.size()) {
      return false;
    }
    Migration next = migrations.get(history.size());
    try (Statement statement = connection.createStatement()) {
      for (String sql : next.statements()) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + HISTORY
                + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
      insert.setInt(1, next.version());
      insert.setString(2, next.description());
      insert.setString(3, next.checksum());
      insert.setLong(4, clock.millis());
      insert.executeUpdate();
    }
    return true;
  }

  private static Map<Integer, String> history(Connection connection) throws SQLException {
    Map<Integer, String> history = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + HISTORY)) {
      while (rows.next()) {
        history.put(rows.getInt(1), rows.getString(2));
      }
    }
    return history;
  }

  private void verify(ConnectionSource db, Map<Integer, String> history) {
    String where = "journal " + db.location().describe() + ": ";
    int expected = 1;
    for (Map.Entry<Integer, String> applied : history.entrySet()) {
      int version = applied.getKey();
      if (version > migrations.size()) {
        throw new JournalException(
            where
                + "its schema (version "
                + version
                + ") was made by a newer herd; this one knows up to version "
                + migrations.size()
                + ": upgrade herd");
      }
      if (version != expected) {
        throw new JournalException(where + "schema history has no version " + expected);
      }
      String checksum = migrations.get(version - 1).checksum();
      if (!checksum.equals(applied.getValue())) {
        throw new JournalException(
            where
                + "schema version "
                + version
                + " was applied from a different script than this herd's (checksum "
                + applied.getValue().substring(0, Math.min(12, applied.getValue().length()))
                + " vs "
                + checksum.substring(0, 12)
                + ")");
      }
      expected++;
    }
  }
}
