package org.herd.engine.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herd.engine.Rollout;

/**
 * A fleet's clusters and waves as the run's {@link Rollout}, as the CLI makes it from an inventory.
 */
final class FleetRollout {

  private FleetRollout() {}

  static Rollout of(Fleet fleet, List<String> hosts) {
    Set<String> inRun = new LinkedHashSet<>(hosts);
    List<Rollout.ClusterRule> rules = new ArrayList<>();
    for (FleetGroup group : fleet.groups()) {
      if (group.clustered()) {
        List<String> members = group.members().stream().filter(inRun::contains).toList();
        if (!members.isEmpty()) {
          rules.add(
              new Rollout.ClusterRule(
                  group.name(), members, group.budget().allowed(group.members().size())));
        }
      }
    }
    List<Rollout.Stage> stages = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (Rollout.Stage wave : fleet.waves()) {
      List<String> waveHosts =
          wave.hosts().stream().filter(h -> inRun.contains(h) && !placed.contains(h)).toList();
      if (!waveHosts.isEmpty()) {
        stages.add(new Rollout.Stage(wave.name(), waveHosts, wave.soak()));
        placed.addAll(waveHosts);
      }
    }
    List<String> rest = hosts.stream().filter(h -> !placed.contains(h)).toList();
    if (!rest.isEmpty() || stages.isEmpty()) {
      stages.add(new Rollout.Stage(Rollout.REST, rest, Duration.ZERO));
    }
    return new Rollout(
        rules, stages, fleet.serial(), fleet.canary(), fleet.gateRetry(), fleet.gateDeadline());
  }

  /** The clusters and pools each host is in. */
  static Map<String, List<String>> clustersOf(Fleet fleet) {
    Map<String, List<String>> of = new HashMap<>();
    for (FleetGroup group : fleet.groups()) {
      if (group.clustered()) {
        for (String member : group.members()) {
          of.computeIfAbsent(member, m -> new ArrayList<>()).add(group.name());
        }
      }
    }
    return of;
  }
}
