package org.herd.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
  private static final int CHUNK = 500;

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
    List<String> distinct = hosts.stream().distinct().toList();
    Map<String, StoredFacts> latest = new TreeMap<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      db.read(
          connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement(
                        "SELECT f.host, f.collected_at, f.facts FROM facts f WHERE f.host IN ("
                            + marks
                            + ") AND f.collected_at ="
                            + " (SELECT MAX(g.collected_at) FROM facts g WHERE g.host = f.host)");
                ResultSet rows = Rows.bind(query, chunk.toArray()).executeQuery()) {
              while (rows.next()) {
                StoredFacts fact =
                    new StoredFacts(
                        rows.getString(1),
                        Instant.ofEpochMilli(rows.getLong(2)),
                        rows.getString(3));
                latest.put(fact.host(), fact);
              }
            }
            return null;
          });
    }
    return latest;
  }

  Map<String, Instant> latestTimes(Collection<String> hosts) {
    List<String> distinct = hosts.stream().distinct().toList();
    Map<String, Instant> latest = new TreeMap<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      db.read(
          connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement(
                        "SELECT host, MAX(collected_at) FROM facts WHERE host IN ("
                            + marks
                            + ") GROUP BY host");
                ResultSet rows = Rows.bind(query, chunk.toArray()).executeQuery()) {
              while (rows.next()) {
                latest.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
              }
            }
            return null;
          });
    }
    return latest;
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
