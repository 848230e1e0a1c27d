package org.herd.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code package_versions} table: the audit trail of what each run changed on each host. */
final class VersionStore {

  private final ConnectionSource db;
  private final Clock clock;

  VersionStore(ConnectionSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  void record(RunId run, String host, VersionPhase phase, Map<String, String> versions) {
    Names.requireHost(host);
    Map<String, String> copy = Map.copyOf(versions);
    Instant now = Rows.now(clock);
    db.write(
        connection -> {
          RunStore.requireRun(connection, run);
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM package_versions WHERE run_id = ? AND host = ? AND phase = ?")) {
            Rows.bind(delete, run, host, phase).executeUpdate();
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO package_versions"
                      + " (run_id, host, phase, package_name, version, recorded_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, String> entry : new TreeMap<>(copy).entrySet()) {
              Rows.bind(insert, run, host, phase, entry.getKey(), entry.getValue(), now).addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /** What runs changed on {@code host}, oldest first, by run then package. */
  List<HostChange> ofHost(String host) {
    Names.requireHost(host);
    record Key(String run, String pkg) {}
    record Row(Instant at, String by, String[] pair) {}
    java.util.Set<String> finished = new java.util.HashSet<>();
    Map<Key, Row> found =
        db.read(
            connection -> {
              Map<Key, Row> rowsByKey = new java.util.LinkedHashMap<>();
              try (PreparedStatement query =
                      connection.prepareStatement(
                          "SELECT v.run_id, v.package_name, v.phase, v.version, v.recorded_at,"
                              + " r.started_by, r.started_at FROM package_versions v"
                              + " JOIN runs r ON r.id = v.run_id WHERE v.host = ?"
                              + " ORDER BY r.started_at, v.run_id, v.package_name");
                  ResultSet rows = Rows.bind(query, host).executeQuery()) {
                while (rows.next()) {
                  Key key = new Key(rows.getString(1), rows.getString(2));
                  Row row =
                      rowsByKey.computeIfAbsent(key, k -> new Row(Instant.MIN, "", new String[2]));
                  VersionPhase phase = VersionPhase.valueOf(rows.getString(3));
                  if (phase == VersionPhase.AFTER) {
                    finished.add(key.run());
                  }
                  row.pair()[phase.ordinal()] = rows.getString(4);
                  Instant at = Rows.instant(rows, "recorded_at");
                  if (at.isAfter(row.at())) {
                    rowsByKey.put(key, new Row(at, rows.getString("started_by"), row.pair()));
                  }
                }
              }
              return rowsByKey;
            });
    List<HostChange> changes = new ArrayList<>();
    found.forEach(
        (key, row) -> {
          Optional<String> before = Optional.ofNullable(row.pair()[VersionPhase.BEFORE.ordinal()]);
          Optional<String> after = Optional.ofNullable(row.pair()[VersionPhase.AFTER.ordinal()]);
          // A run that has not recorded what it left yet changed nothing known so far.
          if (finished.contains(key.run()) && !before.equals(after)) {
            changes.add(
                new HostChange(new RunId(key.run()), row.at(), row.by(), key.pkg(), before, after));
          }
        });
    return changes;
  }

  List<VersionChange> versions(RunId run) {
    // host -> package -> [before, after]
    SortedMap<String, SortedMap<String, String[]>> trail =
        db.read(
            connection -> {
              SortedMap<String, SortedMap<String, String[]>> found = new TreeMap<>();
              try (PreparedStatement query =
                      connection.prepareStatement(
                          "SELECT host, package_name, phase, version FROM package_versions"
                              + " WHERE run_id = ?");
                  ResultSet rows = Rows.bind(query, run).executeQuery()) {
                while (rows.next()) {
                  String[] pair =
                      found
                          .computeIfAbsent(rows.getString(1), host -> new TreeMap<>())
                          .computeIfAbsent(rows.getString(2), name -> new String[2]);
                  pair[VersionPhase.valueOf(rows.getString(3)).ordinal()] = rows.getString(4);
                }
              }
              return found;
            });
    List<VersionChange> changes = new ArrayList<>();
    trail.forEach(
        (host, packages) ->
            packages.forEach(
                (name, pair) ->
                    changes.add(
                        new VersionChange(
                            host,
                            name,
                            Optional.ofNullable(pair[VersionPhase.BEFORE.ordinal()]),
                            Optional.ofNullable(pair[VersionPhase.AFTER.ordinal()])))));
    return changes;
  }
}
