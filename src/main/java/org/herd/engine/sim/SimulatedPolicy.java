package org.herd.engine.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herd.engine.ClusterPolicy;
import org.herd.engine.GateVerdict;
import org.herd.engine.StepResult;

/**
 * The clusters' health gates in virtual time: a gate fails during the fleet's injected windows, and
 * for the cluster's settle time after a member came back (the service resyncing). Members keep
 * their declared order; every member is ok to stop.
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

  /** The gate as it is at {@code time}; what {@link #gate} answers when the clock is there. */
  GateVerdict gateAt(String cluster, Instant time) {
    Duration since = Duration.between(epoch, time);
    for (Fleet.GateFailure failure : fleet.gateFailures()) {
      if (failure.covers(cluster, since)) {
        return new GateVerdict.Fail("injected gate failure");
      }
    }
    Instant lastBack = back.get(cluster);
    if (lastBack != null && time.isBefore(lastBack.plus(settle.get(cluster)))) {
      return new GateVerdict.Fail("resyncing after a member came back");
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
    return GateVerdict.PASS;
  }

  @Override
  public StepResult finalizeCluster(String cluster) {
    return new StepResult.Skipped("simulated clusters have nothing to finalize");
  }
}
