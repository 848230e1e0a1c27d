package org.herd.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@code leases} table: exclusive, expiring claims on resources.
 *
 * <p>Exclusivity rests on the primary key of {@code leases.resource}, never on reading first and
 * writing after. Each resource of a set is claimed, in sorted order, by one upsert that inserts the
 * row, or takes over the existing row only if it belongs to the same lease (a renewal) or has
 * expired; a claim that changes no row means the resource is held, and the whole transaction rolls
 * back. On PostgreSQL a claim on a row that another transaction is inserting or taking over waits
 * for that transaction and then re-checks the condition against the committed row; claiming in
 * sorted order keeps two overlapping claims from deadlocking. On SQLite the transaction holds the
 * database's write lock from its first statement ({@code BEGIN IMMEDIATE}), so claims are simply
 * serialised, across processes too.
 */
final class LeaseStore {

  private static final int MAX_ATTEMPTS = 5;

  private static final String CLAIM =
      "INSERT INTO leases (resource, lease_id, holder, acquired_at, expires_at)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (resource) DO UPDATE SET lease_id = excluded.lease_id,"
          + " holder = excluded.holder,"
          + " acquired_at = CASE WHEN leases.lease_id = excluded.lease_id"
          + " THEN leases.acquired_at ELSE excluded.acquired_at END,"
          + " expires_at = excluded.expires_at"
          + " WHERE leases.lease_id = excluded.lease_id OR leases.expires_at <= ?";

  private final ConnectionSource db;
  private final Clock clock;

  LeaseStore(ConnectionSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  LeaseResult acquire(Set<String> resources, String holder, Duration ttl) {
    SortedSet<String> sorted = validated(resources);
    Names.requireHolder(holder);
    requirePositive(ttl);
    return claim(
        UUID.randomUUID().toString(), sorted, holder, Optional.empty(), new TreeSet<>(), ttl);
  }

  LeaseResult takeOver(Set<String> resources, String holder, Duration ttl, Set<String> supplanted) {
    SortedSet<String> sorted = validated(resources);
    Names.requireHolder(holder);
    if (supplanted.isEmpty()) {
      throw new IllegalArgumentException("a take-over needs a holder to supplant");
    }
    supplanted.forEach(Names::requireHolder);
    requirePositive(ttl);
    return claim(
        UUID.randomUUID().toString(),
        sorted,
        holder,
        Optional.empty(),
        new TreeSet<>(supplanted),
        ttl);
  }

  LeaseResult renew(Lease lease, Duration ttl) {
    Objects.requireNonNull(lease, "lease");
    requirePositive(ttl);
    return claim(
        lease.id(),
        validated(lease.resources()),
        lease.holder(),
        Optional.of(lease),
        new TreeSet<String>(),
        ttl);
  }

  private LeaseResult claim(
      String leaseId,
      SortedSet<String> resources,
      String holder,
      Optional<Lease> renewing,
      SortedSet<String> supplanted,
      Duration ttl) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Instant now = Rows.now(clock);
      Instant expires = now.plus(ttl);
      Optional<LeaseResult> result =
          db.write(
              connection -> {
                for (String resource : resources) {
                  if (!claimOne(connection, resource, leaseId, holder, now, expires, supplanted)) {
                    // Empty when the holder let go meanwhile: try the whole set again.
                    return holderOf(connection, resource).map(LeaseResult.class::cast);
                  }
                }
                Lease lease =
                    renewing
                        .map(old -> old.withExpiry(expires))
                        .orElseGet(() -> new Lease(leaseId, resources, holder, now, expires));
                return Optional.of(new LeaseResult.Acquired(lease));
              },
              outcome -> outcome.isPresent() && outcome.get() instanceof LeaseResult.Acquired);
      if (result.isPresent()) {
        return result.get();
      }
    }
    throw new JournalException(
        "journal "
            + db.location().describe()
            + ": leases on "
            + resources
            + " changed hands "
            + MAX_ATTEMPTS
            + " times while acquiring them; try again");
  }

  private static boolean claimOne(
      Connection connection,
      String resource,
      String leaseId,
      String holder,
      Instant now,
      Instant expires,
      SortedSet<String> supplanted)
      throws SQLException {
    // A take-over also claims rows whose holder is one of the supplanted (dead) ones.
    String sql =
        supplanted.isEmpty()
            ? CLAIM
            : CLAIM
                + " OR leases.holder IN ("
                + String.join(", ", java.util.Collections.nCopies(supplanted.size(), "?"))
                + ")";
    List<Object> values = new ArrayList<>(List.of(resource, leaseId, holder, now, expires, now));
    values.addAll(supplanted);
    try (PreparedStatement claim = connection.prepareStatement(sql)) {
      return Rows.bind(claim, values.toArray()).executeUpdate() == 1;
    }
  }

  private static Optional<LeaseResult.HeldBy> holderOf(Connection connection, String resource)
      throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT resource, holder, acquired_at, expires_at FROM leases WHERE resource = ?");
        ResultSet rows = Rows.bind(query, resource).executeQuery()) {
      return rows.next() ? Optional.of(heldBy(rows)) : Optional.empty();
    }
  }

  private static LeaseResult.HeldBy heldBy(ResultSet rows) throws SQLException {
    return new LeaseResult.HeldBy(
        rows.getString("resource"),
        rows.getString("holder"),
        Rows.instant(rows, "acquired_at"),
        Rows.instant(rows, "expires_at"));
  }

  void release(Lease lease) {
    db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM leases WHERE lease_id = ?")) {
            return Rows.bind(delete, lease.id()).executeUpdate();
          }
        });
  }

  List<LeaseResult.HeldBy> leases() {
    return db.read(
        connection -> {
          List<LeaseResult.HeldBy> held = new ArrayList<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT resource, holder, acquired_at, expires_at FROM leases"
                          + " ORDER BY resource");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              held.add(heldBy(rows));
            }
          }
          return held;
        });
  }

  private static SortedSet<String> validated(Set<String> resources) {
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("a lease needs at least one resource");
    }
    SortedSet<String> sorted = new TreeSet<>();
    for (String resource : resources) {
      sorted.add(Names.requireResource(resource));
    }
    return sorted;
  }

  private static void requirePositive(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease's time to live must be positive: " + ttl);
    }
  }
}
