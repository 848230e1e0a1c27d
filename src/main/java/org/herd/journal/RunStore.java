package org.herd.journal;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The {@code runs} and {@code run_hosts} tables: creating runs, their states, their summaries. */
final class RunStore {

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  // A run's hosts whose latest attempt of a step had one of some outcomes (failed, unreachable):
  // the index on outcome finds the few such steps without reading every run's. The second %s
  // narrows them to one run (" AND s.run_id = ?"), or not ("").
  private static final String HOSTS_WHOSE_LATEST_ATTEMPT_IS =
      "(SELECT s.run_id, COUNT(DISTINCT s.host) AS n FROM steps s WHERE s.outcome IN (%s)%s"
          + " AND NOT EXISTS (SELECT 1 FROM steps t WHERE t.run_id = s.run_id"
          + " AND t.host = s.host AND t.step = s.step AND t.attempt > s.attempt)"
          + " GROUP BY s.run_id)";

  /** Every run's summary, or (with {@code " AND s.run_id = ?"}) the failing steps of one. */
  private static String summaries(String runFilter) {
    return "SELECT r.id, r.command, r.started_by, r.state, r.started_at, r.finished_at,"
        + " (SELECT COUNT(*) FROM run_hosts h WHERE h.run_id = r.id) AS hosts,"
        + " COALESCE(f.n, 0) AS failed, COALESCE(u.n, 0) AS unreachable FROM runs r LEFT JOIN "
        + HOSTS_WHOSE_LATEST_ATTEMPT_IS.formatted("'FAILED', 'TIMED_OUT'", runFilter)
        + " f ON f.run_id = r.id LEFT JOIN "
        + HOSTS_WHOSE_LATEST_ATTEMPT_IS.formatted("'UNREACHABLE'", runFilter)
        + " u ON u.run_id = r.id";
  }

  private static final String EVERY_RUN = summaries("") + " ORDER BY r.started_at DESC, r.id DESC";

  // One run's summary counts that run's failing steps only: a follower asks it every 200 ms.
  private static final String ONE_RUN = summaries(" AND s.run_id = ?") + " WHERE r.id = ?";

  private final ConnectionSource db;
  private final Clock clock;
  private final RandomGenerator random = new SecureRandom();

  RunStore(ConnectionSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  RunId create(RunSpec spec) {
    Instant now = Rows.now(clock);
    return db.write(
        connection -> {
          RunId id = freshId(connection, now);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO runs (id, command, started_by, state, started_at, plan)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            Rows.bind(
                    insert,
                    id,
                    spec.command(),
                    spec.startedBy(),
                    RunState.RUNNING,
                    now,
                    spec.planJson())
                .executeUpdate();
          }
          try (PreparedStatement host =
              connection.prepareStatement(
                  "INSERT INTO run_hosts (run_id, host, ordinal) VALUES (?, ?, ?)")) {
            for (int i = 0; i < spec.hosts().size(); i++) {
              Rows.bind(host, id, spec.hosts().get(i), i).addBatch();
            }
            host.executeBatch();
          }
          return id;
        });
  }

  private RunId freshId(Connection connection, Instant now) throws SQLException {
    while (true) {
      byte[] suffix = new byte[3];
      random.nextBytes(suffix);
      RunId id = new RunId(ID_TIME.format(now) + "-" + HexFormat.of().formatHex(suffix));
      if (!exists(connection, id)) {
        return id;
      }
    }
  }

  static boolean exists(Connection connection, RunId id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM runs WHERE id = ?");
        ResultSet rows = Rows.bind(query, id).executeQuery()) {
      return rows.next();
    }
  }

  /** Throws when a run is unknown, before writing anything that names it. */
  static void requireRun(Connection connection, RunId id) throws SQLException {
    if (!exists(connection, id)) {
      throw new IllegalArgumentException("no run " + id + " in the journal");
    }
  }

  Optional<RunSummary> run(RunId id) {
    return db.read(
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(ONE_RUN);
              ResultSet rows = Rows.bind(query, id, id, id).executeQuery()) {
            return rows.next() ? Optional.of(summary(rows)) : Optional.empty();
          }
        });
  }

  List<RunSummary> runs() {
    return db.read(
        connection -> {
          List<RunSummary> runs = new ArrayList<>();
          try (PreparedStatement query = connection.prepareStatement(EVERY_RUN);
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              runs.add(summary(rows));
            }
          }
          return runs;
        });
  }

  private static RunSummary summary(ResultSet rows) throws SQLException {
    return new RunSummary(
        new RunId(rows.getString("id")),
        rows.getString("command"),
        rows.getString("started_by"),
        RunState.valueOf(rows.getString("state")),
        Rows.instant(rows, "started_at"),
        Rows.optionalInstant(rows, "finished_at"),
        rows.getInt("hosts"),
        rows.getInt("failed"),
        rows.getInt("unreachable"));
  }

  Optional<RunSpec> spec(RunId id) {
    return db.read(
        connection -> {
          String command;
          String startedBy;
          String plan;
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT command, started_by, plan FROM runs WHERE id = ?");
              ResultSet rows = Rows.bind(query, id).executeQuery()) {
            if (!rows.next()) {
              return Optional.empty();
            }
            command = rows.getString(1);
            startedBy = rows.getString(2);
            plan = rows.getString(3);
          }
          List<String> hosts = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT host FROM run_hosts WHERE run_id = ? ORDER BY ordinal");
              ResultSet rows = Rows.bind(query, id).executeQuery()) {
            while (rows.next()) {
              hosts.add(rows.getString(1));
            }
          }
          return Optional.of(new RunSpec(command, hosts, plan, startedBy));
        });
  }

  void setState(RunId id, RunState state) {
    Instant now = Rows.now(clock);
    int updated =
        db.write(
            connection -> {
              String sql =
                  state.terminal()
                      ? "UPDATE runs SET state = ?, finished_at = ? WHERE id = ?"
                      : "UPDATE runs SET state = ?, finished_at = NULL WHERE id = ?";
              try (PreparedStatement update = connection.prepareStatement(sql)) {
                return state.terminal()
                    ? Rows.bind(update, state, now, id).executeUpdate()
                    : Rows.bind(update, state, id).executeUpdate();
              }
            });
    if (updated == 0) {
      throw new IllegalArgumentException("no run " + id + " in the journal");
    }
  }
}
