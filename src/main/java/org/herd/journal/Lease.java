package org.herd.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A lease on a set of resources (such as {@code host:web1} and {@code cluster:galera}) that one
 * holder acquired together and keeps together: renewing or releasing it acts on all of them.
 *
 * <p>Until {@code expiresAt} no one else can acquire any of its resources. After that they may be
 * taken over; until someone does, {@link Journal#renew} still extends the lease. A holder that
 * cannot renew in time must assume it lost its resources.
 *
 * @param id the lease's identity in the journal (random; names no resource)
 * @param acquiredAt when the holder first acquired the resources (kept across renewals)
 */
public record Lease(
    String id, SortedSet<String> resources, String holder, Instant acquiredAt, Instant expiresAt) {

  public Lease {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(acquiredAt, "acquiredAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    resources = Collections.unmodifiableSortedSet(new TreeSet<>(resources));
  }

  /** The same lease with a new expiry, as a renewal returns it. */
  Lease withExpiry(Instant expiry) {
    return new Lease(id, resources, holder, acquiredAt, expiry);
  }

  /** Whether this lease covers every one of the given resources. */
  public boolean covers(Set<String> wanted) {
    return resources.containsAll(wanted);
  }
}
