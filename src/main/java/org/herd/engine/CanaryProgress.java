package org.herd.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The canary option's state in an {@link Admission}: whether the canary phase is on (some cluster
 * of the wave has its first member still to run, or running — nothing else goes out meanwhile),
 * whether canaries ran in this execution, and what follows them: a pause (once) or a soak.
 */
final class CanaryProgress {

  private final Canary canary;
  private boolean pauseGiven;
  private Instant soakUntil;
  private boolean ranNow;
  private boolean wasPhase;

  CanaryProgress(Canary canary) {
    this.canary = canary;
  }

  /**
   * Whether the canary phase is on: some cluster not yet past its canary, not blocked, has a member
   * out or a next member ({@code hasNext}).
   */
  boolean phase(List<ClusterProgress> clusters, Predicate<ClusterProgress> hasNext) {
    if (!canary.enabled()) {
      return false;
    }
    for (ClusterProgress cluster : clusters) {
      if (!cluster.canaryDone
          && cluster.blockedReason() == null
          && (cluster.out > 0 || hasNext.test(cluster))) {
        return true;
      }
    }
    return false;
  }

  /** Notes this call's phase; true when it differs from the previous call's. */
  boolean switched(boolean phase) {
    boolean switched = phase != wasPhase;
    wasPhase = phase;
    return switched;
  }

  /** A canary was admitted in this execution. */
  void ran() {
    ranNow = true;
  }

  /**
   * When the phase is over and canaries ran in this execution: the pause reason the first time with
   * {@code --canary pause}, or the start of the soak with {@code --canary soak=…}.
   */
  Optional<String> over(boolean phase, Instant now) {
    if (phase || !ranNow) {
      return Optional.empty();
    }
    ranNow = false;
    if (canary instanceof Canary.Pause && !pauseGiven) {
      pauseGiven = true;
      return Optional.of("canaries done; herd resume RUN to go on");
    }
    if (canary instanceof Canary.Soak soak) {
      soakUntil = now.plus(soak.soak());
    }
    return Optional.empty();
  }

  /** The end of the soak after the canaries when it is still on at {@code now}. */
  Optional<Instant> soaking(Instant now) {
    return soakUntil != null && now.isBefore(soakUntil) ? Optional.of(soakUntil) : Optional.empty();
  }
}
