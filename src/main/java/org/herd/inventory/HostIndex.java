package org.herd.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The groups, clusters and wave of every host of an inventory, computed once by expanding each
 * group, cluster and wave, for callers that ask about many hosts ({@link Inventory#groupsOf} and
 * friends test every group for one host).
 */
public final class HostIndex {

  private final Map<String, List<Group>> groups = new HashMap<>();
  private final Map<String, List<Cluster>> clusters = new HashMap<>();
  private final Map<String, Wave> waves = new HashMap<>();

  /** Indexes {@code inventory}. */
  public HostIndex(Inventory inventory) {
    for (Group group : inventory.groups()) {
      for (String host : group.hosts()) {
        groups.computeIfAbsent(host, h -> new ArrayList<>()).add(group);
      }
    }
    for (Cluster cluster : inventory.clusters()) {
      for (String host : cluster.members()) {
        clusters.computeIfAbsent(host, h -> new ArrayList<>()).add(cluster);
      }
    }
    for (Wave wave : inventory.waves()) {
      for (String host : wave.hosts()) {
        waves.putIfAbsent(host, wave);
      }
    }
  }

  /** The groups {@code host} is in, in declaration order. */
  public List<Group> groupsOf(String host) {
    return groups.getOrDefault(host, List.of());
  }

  /** The clusters {@code host} is in, in declaration order. */
  public List<Cluster> clustersOf(String host) {
    return clusters.getOrDefault(host, List.of());
  }

  /** The wave {@code host} is in, if any. */
  public Optional<Wave> waveOf(String host) {
    return Optional.ofNullable(waves.get(host));
  }
}
