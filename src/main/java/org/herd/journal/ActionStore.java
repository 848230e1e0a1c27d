package org.herd.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@code run_actions} table: what operators asked of runs, and who; pending pauses. */
final class ActionStore {

  private final ConnectionSource db;
  private final Clock clock;

  ActionStore(ConnectionSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  void record(RunId run, RunAction action, String by) {
    Objects.requireNonNull(action, "action");
    if (by == null || by.isBlank()) {
      throw new IllegalArgumentException("who asked must be named");
    }
    Instant now = Rows.now(clock);
    db.write(
        connection -> {
          RunStore.requireRun(connection, run);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO run_actions (run_id, action, requested_by, requested_at)"
                      + " VALUES (?, ?, ?, ?)")) {
            return Rows.bind(insert, run, action, by, now).executeUpdate();
          }
        });
  }

  List<RunActionRecord> actions(RunId run) {
    return db.read(
        connection -> {
          List<RunActionRecord> found = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT action, requested_by, requested_at, handled_at FROM run_actions"
                          + " WHERE run_id = ? ORDER BY requested_at");
              ResultSet rows = Rows.bind(query, run).executeQuery()) {
            while (rows.next()) {
              found.add(
                  new RunActionRecord(
                      run,
                      RunAction.valueOf(rows.getString("action")),
                      rows.getString("requested_by"),
                      Rows.instant(rows, "requested_at"),
                      Rows.optionalInstant(rows, "handled_at")));
            }
          }
          return found;
        });
  }

  boolean takePause(RunId run) {
    // Asked every second by every executing herd: read first, write only when there is one.
    boolean pending =
        db.read(
            connection -> {
              try (PreparedStatement query =
                      connection.prepareStatement(
                          "SELECT 1 FROM run_actions"
                              + " WHERE run_id = ? AND action = ? AND handled_at IS NULL");
                  ResultSet rows = Rows.bind(query, run, RunAction.PAUSE).executeQuery()) {
                return rows.next();
              }
            });
    if (!pending) {
      return false;
    }
    Instant now = Rows.now(clock);
    int taken =
        db.write(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE run_actions SET handled_at = ?"
                          + " WHERE run_id = ? AND action = ? AND handled_at IS NULL")) {
                return Rows.bind(update, now, run, RunAction.PAUSE).executeUpdate();
              }
            });
    return taken > 0;
  }
}
