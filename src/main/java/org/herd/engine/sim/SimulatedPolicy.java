package org.herd.engine.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.engine.ClusterPolicy;
import org.herd.engine.GateVerdict;
import org.herd.engine.StepResult;

/**
 * The clusters' health gates in virtual time: a gate fails during the fleet's injected windows, and
 * for the cluster's settle time after a member came back (the service resyncing). Members keep
 * their declared order; they are ok to stop except during the fleet's injected refusals.
 */
final class SimulatedPolicy implements ClusterPolicy {

  private final Fleet fleet;
  private final Instant epoch;
  private final Map<String, Duration> settle = new HashMap<>();
  private final Map<String, Instant> back = new HashMap<>();
  private Instant now;

  SimulatedPolicy(Fleet fleet, Instant epoch) {
    this.fleet = fleet;
    this.epoch = epoch;
    this.now = epoch;
    fleet.groups().stream()
        .filter(FleetGroup::clustered)
        .forEach(g -> settle.put(g.name(), g.settle()));
  }

  void at(Instant time) {
    now = time;
  }

  /** A member of {@code cluster} came back into service at {@code time}. */
  void memberBack(String cluster, Instant time) {
    back.merge(cluster, time, (a, b) -> a.isAfter(b) ? a : b);
  }

  /**
   * The gate as it is at {@code time}; what {@link #gate} answers when the clock is there. A
   * failure tells until when it stays the same (unless a member comes back meanwhile), so that the
   * scheduler need not ask again before.
   */
  GateVerdict gateAt(String cluster, Instant time) {
    Duration since = Duration.between(epoch, time);
    Duration injectedEnd = null;
    Duration nextInjected = null;
    for (Fleet.GateFailure failure : fleet.gateFailures()) {
      if (failure.covers(cluster, since)) {
        Duration end = failure.from().plus(failure.length());
        injectedEnd = injectedEnd == null || end.compareTo(injectedEnd) < 0 ? end : injectedEnd;
      } else if (failure.cluster().equals(cluster)
          && failure.from().compareTo(since) > 0
          && (nextInjected == null || failure.from().compareTo(nextInjected) < 0)) {
        nextInjected = failure.from();
      }
    }
    if (injectedEnd != null) {
      return new GateVerdict.Fail("injected gate failure", Optional.of(epoch.plus(injectedEnd)));
    }
    Instant lastBack = back.get(cluster);
    if (lastBack != null && time.isBefore(lastBack.plus(settle.get(cluster)))) {
      Instant resynced = lastBack.plus(settle.get(cluster));
      if (nextInjected != null && epoch.plus(nextInjected).isBefore(resynced)) {
        resynced = epoch.plus(nextInjected);
      }
      return new GateVerdict.Fail("resyncing after a member came back", Optional.of(resynced));
    }
    return GateVerdict.PASS;
  }

  @Override
  public List<String> order(String cluster, List<String> members) {
    return members;
  }

  @Override
  public GateVerdict gate(String cluster) {
    return gateAt(cluster, now);
  }

  @Override
  public GateVerdict okToStop(String cluster, String member) {
    Duration since = Duration.between(epoch, now);
    for (Fleet.GateFailure refusal : fleet.stopRefusals()) {
      if (refusal.covers(cluster, since)) {
        return new GateVerdict.Fail("injected ok-to-stop refusal of " + member);
      }
    }
    return GateVerdict.PASS;
  }

  @Override
  public StepResult finalizeCluster(String cluster) {
    return new StepResult.Skipped("simulated clusters have nothing to finalize");
  }
}
