package org.herd.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalException;
import org.herd.journal.Lease;
import org.herd.journal.LeaseResult;

/**
 * The journal lease a run holds on its hosts ({@code host:NAME}) for as long as it executes, so
 * that a second run on any of them — from another terminal, or another machine sharing a PostgreSQL
 * journal — is refused with who holds it since when. Renewed in the background every third of its
 * time to live; released on close. A herd that dies stops renewing, and after {@link #TTL} the
 * hosts may be taken over.
 */
public final class RunLease implements AutoCloseable {

  /** How long a lease lasts without renewal. */
  public static final Duration TTL = Duration.ofMinutes(2);

  private final Journal journal;
  private final AtomicReference<Lease> lease;
  private final ScheduledExecutorService renewer;

  private RunLease(Journal journal, Lease lease) {
    this.journal = journal;
    this.lease = new AtomicReference<>(lease);
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "herd-lease");
              thread.setDaemon(true);
              return thread;
            });
    long period = TTL.toMillis() / 3;
    renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the hosts for a run.
   *
   * @throws HostsHeldException when someone else holds one of them
   */
  public static RunLease acquire(Journal journal, Collection<String> hosts, HolderIdentity holder)
      throws HostsHeldException {
    Set<String> resources = new TreeSet<>();
    hosts.forEach(host -> resources.add("host:" + host));
    LeaseResult result = journal.acquire(resources, holder.text(), TTL);
    if (result instanceof LeaseResult.HeldBy held) {
      throw new HostsHeldException(held);
    }
    return new RunLease(journal, ((LeaseResult.Acquired) result).lease());
  }

  private void renew() {
    try {
      LeaseResult result = journal.renew(lease.get(), TTL);
      if (result instanceof LeaseResult.Acquired acquired) {
        lease.set(acquired.lease());
      }
    } catch (JournalException | IllegalStateException e) {
      // The next renewal tries again; until the lease runs out the hosts are still ours.
    }
  }

  @Override
  public void close() {
    renewer.shutdownNow();
    journal.release(lease.get());
  }

  /** Someone else holds one of the run's hosts. */
  public static final class HostsHeldException extends Exception {
    private final LeaseResult.HeldBy held;

    HostsHeldException(LeaseResult.HeldBy held) {
      super(
          held.resource().replaceFirst("^host:", "host ")
              + " is held by "
              + held.holder()
              + " since "
              + held.since()
              + " (until "
              + held.expires()
              + " unless renewed)");
      this.held = held;
    }

    public LeaseResult.HeldBy held() {
      return held;
    }
  }
}
