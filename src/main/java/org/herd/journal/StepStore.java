package org.herd.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code steps} table: each attempt of each step of a run on each host. */
final class StepStore {

  private final ConnectionSource db;
  private final Clock clock;

  StepStore(ConnectionSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  void started(RunId run, String host, String step) {
    Names.requireHost(host);
    Names.requireStep(step);
    Instant now = Rows.now(clock);
    db.write(
        connection -> {
          RunStore.requireRun(connection, run);
          try (PreparedStatement interrupt =
              connection.prepareStatement(
                  "UPDATE steps SET outcome = ?, finished_at = ?"
                      + " WHERE run_id = ? AND host = ? AND step = ? AND outcome IS NULL")) {
            Rows.bind(interrupt, StepOutcome.INTERRUPTED, now, run, host, step).executeUpdate();
          }
          int attempt;
          try (PreparedStatement latest =
                  connection.prepareStatement(
                      "SELECT COALESCE(MAX(attempt), 0) FROM steps"
                          + " WHERE run_id = ? AND host = ? AND step = ?");
              ResultSet rows = Rows.bind(latest, run, host, step).executeQuery()) {
            rows.next();
            attempt = rows.getInt(1) + 1;
          }
          long change = nextChange(connection, run);
          try (PreparedStatement stamp =
              connection.prepareStatement(
                  "UPDATE steps SET change_seq = ? WHERE run_id = ? AND host = ? AND step = ?"
                      + " AND outcome = ? AND finished_at = ?")) {
            Rows.bind(stamp, change, run, host, step, StepOutcome.INTERRUPTED, now).executeUpdate();
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO steps (run_id, host, step, attempt, started_at, change_seq)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            return Rows.bind(insert, run, host, step, attempt, now, change).executeUpdate();
          }
        });
  }

  void finished(RunId run, String host, String step, StepOutcome outcome, String output) {
    Objects.requireNonNull(outcome, "outcome");
    Instant now = Rows.now(clock);
    String excerpt = excerpt(output == null ? "" : output);
    int updated =
        db.write(
            connection -> {
              long change = nextChange(connection, run);
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE steps SET outcome = ?, finished_at = ?, output = ?, change_seq = ?"
                          + " WHERE run_id = ? AND host = ? AND step = ? AND outcome IS NULL"
                          + " AND attempt = (SELECT MAX(attempt) FROM steps"
                          + " WHERE run_id = ? AND host = ? AND step = ?)")) {
                return Rows.bind(
                        update, outcome, now, excerpt, change, run, host, step, run, host, step)
                    .executeUpdate();
              }
            });
    if (updated == 0) {
      throw new IllegalStateException(
          "step " + step + " on " + host + " in run " + run + " is not running: it cannot finish");
    }
  }

  /**
   * Takes the run's next change number, inside the writing transaction: the row lock (PostgreSQL)
   * or the single writer (SQLite) keeps numbers in commit order. 0 when the run is unknown.
   */
  private static long nextChange(java.sql.Connection connection, RunId run) throws SQLException {
    try (PreparedStatement bump =
        connection.prepareStatement("UPDATE runs SET change_seq = change_seq + 1 WHERE id = ?")) {
      Rows.bind(bump, run).executeUpdate();
    }
    try (PreparedStatement query =
            connection.prepareStatement("SELECT change_seq FROM runs WHERE id = ?");
        ResultSet rows = Rows.bind(query, run).executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  List<StepChange> changes(RunId run, long since) {
    return db.read(
        connection -> {
          List<StepChange> changes = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT host, step, attempt, started_at, finished_at, outcome, output,"
                          + " change_seq FROM steps WHERE run_id = ? AND change_seq > ?"
                          + " ORDER BY change_seq, host, step, attempt");
              ResultSet rows = Rows.bind(query, run, since).executeQuery()) {
            while (rows.next()) {
              changes.add(new StepChange(rows.getLong("change_seq"), record(run, rows)));
            }
          }
          return changes;
        });
  }

  /** The tail of an output, where a failure's explanation usually is. */
  static String excerpt(String output) {
    if (output.length() <= Journal.OUTPUT_EXCERPT_LIMIT) {
      return output;
    }
    int from = output.length() - (Journal.OUTPUT_EXCERPT_LIMIT - 1);
    if (Character.isLowSurrogate(output.charAt(from))) {
      from++;
    }
    return "…" + output.substring(from);
  }

  List<StepRecord> steps(RunId run) {
    return db.read(
        connection -> {
          List<StepRecord> steps = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT host, step, attempt, started_at, finished_at, outcome, output"
                          + " FROM steps WHERE run_id = ?"
                          + " ORDER BY started_at, host, step, attempt");
              ResultSet rows = Rows.bind(query, run).executeQuery()) {
            while (rows.next()) {
              steps.add(record(run, rows));
            }
          }
          return steps;
        });
  }

  private static StepRecord record(RunId run, ResultSet rows) throws SQLException {
    String outcome = rows.getString("outcome");
    String output = rows.getString("output");
    return new StepRecord(
        run,
        rows.getString("host"),
        rows.getString("step"),
        rows.getInt("attempt"),
        Rows.instant(rows, "started_at"),
        Rows.optionalInstant(rows, "finished_at"),
        Optional.ofNullable(outcome).map(StepOutcome::valueOf),
        output == null ? "" : output);
  }
}
