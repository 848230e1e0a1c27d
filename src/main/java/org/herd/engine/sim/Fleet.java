package org.herd.engine.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.herd.engine.Canary;
import org.herd.engine.Rollout;
import org.herd.engine.Serial;
import org.herd.engine.UpgradeStep;

/**
 * A simulated fleet as a fleet file declares it (docs/simulate.md): its groups, waves, run options
 * and injected failures. Immutable; read by {@link FleetReader}, or built directly by tests.
 *
 * @param groups clusters, pools and standalone hosts, in declaration order
 * @param waves the waves (each with its hosts), in order; empty for one wave of every host
 * @param serial the batches of standalone hosts
 * @param parallel the most standalone hosts out at once ({@code --parallel})
 * @param canary the canary option
 * @param gateRetry how often a failing gate is asked again
 * @param gateDeadline how long a gate may fail before what waits on it is given up
 * @param failures hosts that fail, and at which step
 * @param gateFailures windows of time during which a cluster's gate fails
 * @param stopRefusals windows of time during which a cluster's members are not ok to stop
 * @param seed the default seed of the jitter
 */
public record Fleet(
    List<FleetGroup> groups,
    List<Rollout.Stage> waves,
    Serial serial,
    int parallel,
    Canary canary,
    Duration gateRetry,
    Duration gateDeadline,
    Map<String, UpgradeStep> failures,
    List<GateFailure> gateFailures,
    List<GateFailure> stopRefusals,
    long seed) {

  /**
   * A cluster's gate failing (or its members refused as not ok to stop) from {@code from} for
   * {@code length} (times from the simulation's start).
   */
  public record GateFailure(String cluster, Duration from, Duration length) {
    boolean covers(String name, Duration at) {
      return cluster.equals(name) && at.compareTo(from) >= 0 && at.compareTo(from.plus(length)) < 0;
    }
  }

  /** Freezes the fleet. */
  public Fleet {
    groups = List.copyOf(groups);
    waves = List.copyOf(waves);
    failures = Map.copyOf(failures);
    gateFailures = List.copyOf(gateFailures);
    stopRefusals = List.copyOf(stopRefusals);
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be 1 or more");
    }
  }

  /** A fleet whose members are always ok to stop. */
  public Fleet(
      List<FleetGroup> groups,
      List<Rollout.Stage> waves,
      Serial serial,
      int parallel,
      Canary canary,
      Duration gateRetry,
      Duration gateDeadline,
      Map<String, UpgradeStep> failures,
      List<GateFailure> gateFailures,
      long seed) {
    this(
        groups,
        waves,
        serial,
        parallel,
        canary,
        gateRetry,
        gateDeadline,
        failures,
        gateFailures,
        List.of(),
        seed);
  }

  /** Every host, in declaration order. */
  public List<String> hosts() {
    return groups.stream().flatMap(g -> g.members().stream()).distinct().toList();
  }
}
