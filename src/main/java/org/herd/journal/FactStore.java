package org.herd.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code facts} table: each host's probe results over time, the newest being current. */
final class FactStore {

  // Hosts per query: far below the parameter limits of SQLite (32766) and PostgreSQL (65535).
  private static final int CHUNK = 5000;

  private final ConnectionSource db;

  FactStore(ConnectionSource db) {
    this.db = db;
  }

  void save(Collection<StoredFacts> facts) {
    if (facts.isEmpty()) {
      return;
    }
    db.write(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO facts (host, collected_at, facts) VALUES (?, ?, ?)"
                      + " ON CONFLICT (host, collected_at) DO UPDATE SET facts = excluded.facts")) {
            for (StoredFacts fact : facts) {
              Rows.bind(upsert, fact.host(), fact.collectedAt(), fact.json()).addBatch();
            }
            upsert.executeBatch();
          }
          return null;
        });
  }

  Optional<StoredFacts> latest(String host) {
    return Optional.ofNullable(latest(List.of(host)).get(host));
  }

  Map<String, StoredFacts> latest(Collection<String> hosts) {
    return byHost(
        hosts,
        "SELECT f.host, f.collected_at, f.facts FROM facts f WHERE f.host IN (%s) AND"
            + " f.collected_at = (SELECT MAX(g.collected_at) FROM facts g WHERE g.host = f.host)",
        rows ->
            new StoredFacts(
                rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getString(3)));
  }

  Map<String, Instant> latestTimes(Collection<String> hosts) {
    return byHost(
        hosts,
        "SELECT host, MAX(collected_at) FROM facts WHERE host IN (%s) GROUP BY host",
        rows -> Instant.ofEpochMilli(rows.getLong(2)));
  }

  /** One value per row of {@code query}, by the host in its first column. */
  private interface HostRow<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /**
   * The rows of {@code query} (whose {@code %s} takes the hosts' parameters) for {@code hosts}, a
   * chunk of hosts per query, by the host in the first column.
   */
  private <T> Map<String, T> byHost(Collection<String> hosts, String query, HostRow<T> value) {
    List<String> distinct = hosts.stream().distinct().toList();
    Map<String, T> found = new TreeMap<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      db.read(
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query.formatted(marks));
                ResultSet rows = Rows.bind(statement, chunk.toArray()).executeQuery()) {
              while (rows.next()) {
                found.put(rows.getString(1), value.read(rows));
              }
            }
            return null;
          });
    }
    return found;
  }

  int prune(Instant before) {
    return db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM facts WHERE collected_at < ? AND collected_at <"
                      + " (SELECT MAX(g.collected_at) FROM facts g WHERE g.host = facts.host)")) {
            return Rows.bind(delete, before).executeUpdate();
          }
        });
  }
}
