package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.herd.journal.RunId;
import org.herd.transport.TransportException;

/**
 * Keeps the leases of the run's guards alive: every host whose guard the run installed is renewed
 * to {@link AptStepActions#GUARD_LEASE} from now at each {@link #renewNow tick} (every third of the
 * lease in the background, once {@link #start}ed), until its unguard step.
 *
 * <p>A renewal can fail (the host is unreachable for a while, its guard was removed by hand); the
 * lease outlives two missed renewals. When a host's renewal fails twice in a row, the listener
 * hears {@link GuardLeaseEvent.AtRisk} once, with the reason and when the lease runs out; when a
 * renewal of that host succeeds again, it hears {@link GuardLeaseEvent.Renewed}. Remote calls are
 * made outside any lock, so a slow host delays no step.
 */
final class GuardLeases implements AutoCloseable {

  /** How many failed renewals in a row are reported: one more and the lease may run out. */
  static final int REPORTED_AFTER = 2;

  private final ServiceGuard guard;
  private final RunId run;
  private final Clock clock;
  private final HostSessions sessions;
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final AtomicReference<Consumer<GuardLeaseEvent>> listener =
      new AtomicReference<>(event -> {});
  private final AtomicReference<ScheduledExecutorService> renewer = new AtomicReference<>();

  /** What herd knows of one host's guard lease. */
  private record Held(Instant until, int missed) {}

  GuardLeases(ServiceGuard guard, RunId run, Clock clock, HostSessions sessions) {
    this.guard = guard;
    this.run = run;
    this.clock = clock;
    this.sessions = sessions;
  }

  /** Renews every {@code period} in the background, on a daemon thread, until {@link #close}. */
  void start(Duration period) {
    ScheduledExecutorService executor = DaemonScheduler.named("herd-guard-lease");
    if (!renewer.compareAndSet(null, executor)) {
      executor.shutdownNow();
      throw new IllegalStateException("the guard leases are renewed already");
    }
    long millis = period.toMillis();
    executor.scheduleAtFixedRate(this::renewNow, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Who hears that a host's guard lease is at risk, or renewed again. */
  void whenAtRisk(Consumer<GuardLeaseEvent> listener) {
    this.listener.set(listener);
  }

  /** The run installed {@code host}'s guard, its lease until {@code until}: renew it from now. */
  void held(String host, Instant until) {
    held.put(host, new Held(until, 0));
  }

  /**
   * An earlier execution of the run installed {@code host}'s guard: renew it from now (until the
   * first renewal herd does not know when its lease runs out, so it counts it as now).
   */
  void resumed(String host) {
    held.putIfAbsent(host, new Held(clock.instant(), 0));
  }

  /** The run removes {@code host}'s guard: stop renewing it. */
  void released(String host) {
    held.remove(host);
  }

  /** One round of renewals, as the background renewer does it (tests call it directly). */
  void renewNow() {
    for (String host : List.copyOf(held.keySet())) {
      Instant until = clock.instant().plus(AptStepActions.GUARD_LEASE);
      String failure;
      try {
        guard.renew(sessions.session(host), run, until);
        failure = null;
      } catch (EngineException | TransportException | RuntimeException e) {
        failure = e.getMessage() == null ? e.toString() : e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      GuardLeaseEvent event = failure == null ? renewed(host, until) : missed(host, failure);
      if (event != null) {
        listener.get().accept(event);
      }
    }
  }

  private GuardLeaseEvent renewed(String host, Instant until) {
    AtomicReference<Held> before = new AtomicReference<>();
    held.computeIfPresent(
        host,
        (h, old) -> {
          before.set(old);
          return new Held(until, 0);
        });
    Held old = before.get();
    return old != null && old.missed() >= REPORTED_AFTER
        ? new GuardLeaseEvent.Renewed(host, old.missed(), until)
        : null;
  }

  private GuardLeaseEvent missed(String host, String reason) {
    Held now = held.computeIfPresent(host, (h, old) -> new Held(old.until(), old.missed() + 1));
    if (now == null || now.missed() != REPORTED_AFTER) {
      return null;
    }
    return new GuardLeaseEvent.AtRisk(host, now.missed(), reason, now.until());
  }

  @Override
  public void close() {
    ScheduledExecutorService executor = renewer.getAndSet(null);
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
