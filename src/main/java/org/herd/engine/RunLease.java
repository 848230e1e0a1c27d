package org.herd.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalException;
import org.herd.journal.Lease;
import org.herd.journal.LeaseResult;
import org.herd.journal.RunId;

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
  private final AtomicReference<Consumer<String>> whenLost = new AtomicReference<>(reason -> {});
  private final AtomicBoolean lost = new AtomicBoolean();
  private int failedRenewals;

  private RunLease(Journal journal, Lease lease) {
    this.journal = journal;
    this.lease = new AtomicReference<>(lease);
    this.renewer = DaemonScheduler.named("herd-lease");
    long period = TTL.toMillis() / 3;
    renewer.scheduleAtFixedRate(this::renewNow, period, period, TimeUnit.MILLISECONDS);
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

  /**
   * Takes the hosts to resume {@code holder}'s run: as {@link #acquire}, but a host held by a herd
   * that crashed on this machine while executing this same run (see {@link CrashedHolder}) is taken
   * over at once instead of after its lease expires; {@code told} hears each take-over, in words
   * for the operator.
   *
   * @throws HostsHeldException when a live holder, or one elsewhere, holds one of them
   */
  public static RunLease resume(
      Journal journal,
      Collection<String> hosts,
      HolderIdentity holder,
      ProcessTable processes,
      Consumer<String> told)
      throws HostsHeldException {
    RunId run = holder.run().orElseThrow(() -> new IllegalArgumentException("no run to resume"));
    Set<String> resources = new TreeSet<>();
    hosts.forEach(host -> resources.add("host:" + host));
    Set<String> crashed = new TreeSet<>();
    while (true) {
      LeaseResult result =
          crashed.isEmpty()
              ? journal.acquire(resources, holder.text(), TTL)
              : journal.takeOver(resources, holder.text(), TTL, crashed);
      if (result instanceof LeaseResult.Acquired acquired) {
        return new RunLease(journal, acquired.lease());
      }
      LeaseResult.HeldBy held = (LeaseResult.HeldBy) result;
      Optional<String> dead =
          crashed.contains(held.holder())
              ? Optional.empty()
              : CrashedHolder.why(held.holder(), holder.hostname(), run, processes);
      if (dead.isEmpty()) {
        throw new HostsHeldException(held);
      }
      crashed.add(held.holder());
      told.accept(
          "taking over the lease of "
              + held.holder()
              + " on run "
              + run
              + ": "
              + dead.get()
              + " (it crashed)");
    }
  }

  /**
   * Tells {@code listener}, once, that the run lost its hosts: someone took one over, or the
   * journal could not be reached to renew the lease before it ran out. The run should then stop
   * admitting hosts.
   */
  public void whenLost(Consumer<String> listener) {
    whenLost.set(listener);
  }

  /**
   * Names the run in the lease's holder once the run exists ({@code herd apply} takes the hosts
   * before it creates the run), so that a resume after a crash can take the lease over (see {@link
   * #resume}).
   *
   * @throws HostsHeldException when the lease was lost meanwhile
   */
  public synchronized void nameRun(HolderIdentity holder) throws HostsHeldException {
    Lease current = lease.get();
    Lease named =
        new Lease(
            current.id(),
            current.resources(),
            holder.text(),
            current.acquiredAt(),
            current.expiresAt());
    LeaseResult result = journal.renew(named, TTL);
    if (result instanceof LeaseResult.HeldBy held) {
      throw new HostsHeldException(held);
    }
    lease.set(((LeaseResult.Acquired) result).lease());
  }

  /** One renewal, as the background renewer does it (tests call it directly). */
  synchronized void renewNow() {
    try {
      LeaseResult result = journal.renew(lease.get(), TTL);
      failedRenewals = 0;
      if (result instanceof LeaseResult.Acquired acquired) {
        lease.set(acquired.lease());
      } else if (result instanceof LeaseResult.HeldBy held) {
        lose(
            "lost the lease on its hosts: "
                + held.resource().replaceFirst("^host:", "host ")
                + " was taken over by "
                + held.holder());
      }
    } catch (JournalException | IllegalStateException e) {
      // The next renewal tries again; until the lease runs out the hosts are still ours. Renewals
      // come every third of the time to live: after three failed ones in a row, it has run out.
      failedRenewals++;
      if (failedRenewals >= 3) {
        lose("could not renew the lease on its hosts before it ran out: " + e.getMessage());
      }
    }
  }

  private void lose(String reason) {
    if (lost.compareAndSet(false, true)) {
      whenLost.get().accept(reason);
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
