package org.herd.engine.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.herd.engine.UpgradeStep;
import org.herd.inventory.DisruptionBudget;

/**
 * A group of hosts of a simulated fleet: a cluster, a pool (a cluster with a percentage budget) or
 * standalone hosts, with the step durations of its hosts.
 *
 * @param name the group's name (the cluster's name for clusters and pools)
 * @param kind what the group is
 * @param members its hosts, in upgrade order
 * @param budget how many members may be out at once (unused for standalone hosts)
 * @param steps the duration of each step on its hosts; steps not listed take no time
 * @param settle how long the cluster's gate fails after a member comes back (resync)
 */
public record FleetGroup(
    String name,
    Kind kind,
    List<String> members,
    DisruptionBudget budget,
    Map<UpgradeStep, Timing> steps,
    Duration settle) {

  /** The kinds of group. */
  public enum Kind {
    CLUSTER,
    POOL,
    STANDALONE
  }

  /** Freezes the group. */
  public FleetGroup {
    members = List.copyOf(members);
    EnumMap<UpgradeStep, Timing> copy = new EnumMap<>(UpgradeStep.class);
    copy.putAll(steps);
    steps = java.util.Collections.unmodifiableMap(copy);
  }

  /** Whether the group is a cluster or a pool (has a budget and a gate). */
  public boolean clustered() {
    return kind != Kind.STANDALONE;
  }

  /** The step's timing on this group's hosts. */
  public Timing timing(UpgradeStep step) {
    return steps.getOrDefault(step, Timing.ZERO);
  }
}
