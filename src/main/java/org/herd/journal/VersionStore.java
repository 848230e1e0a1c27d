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
