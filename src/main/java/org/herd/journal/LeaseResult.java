package org.herd.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to {@link Journal#acquire} and {@link Journal#renew}: either the whole set of
 * resources is held, or none of it is, and the first resource (in sorted order) that someone else
 * holds is named with its holder, so a refused run can tell the operator who holds what since when.
 */
public sealed interface LeaseResult {

  /** Every resource asked for is now held by the returned lease. */
  record Acquired(Lease lease) implements LeaseResult {
    public Acquired {
      Objects.requireNonNull(lease, "lease");
    }
  }

  /**
   * A resource held by someone else: nothing was acquired or changed.
   *
   * @param since when the holder acquired it
   * @param expires when the holder's lease runs out unless renewed
   */
  record HeldBy(String resource, String holder, Instant since, Instant expires)
      implements LeaseResult {

    /** Whether the holder's lease has run out at {@code now} (it may be taken over). */
    public boolean expiredAt(Instant now) {
      return !expires.isAfter(now);
    }
  }
}
