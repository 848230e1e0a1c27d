package org.herd.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.herd.debian.InstalledPackage;
import org.herd.debian.PackageName;
import org.herd.nodeset.NodeSet;

/**
 * The fleet at a glance, as {@code herd status} prints it: hosts with the same {@link HostState}
 * folded into one row with their node set, the versions of each cluster's packages across its
 * members with a version-skew warning when they differ, and the hosts that could not be probed,
 * folded by reason. Pure: it works on facts gathered elsewhere.
 *
 * @param rows one row per distinct state, largest group first
 * @param clusters one entry per cluster package, in cluster and package order
 * @param unprobed hosts without facts, one entry per reason
 */
public record StatusSummary(
    List<Row> rows, List<ClusterVersions> clusters, List<Unprobed> unprobed) {

  /** Copies the lists. */
  public StatusSummary {
    rows = List.copyOf(rows);
    clusters = List.copyOf(clusters);
    unprobed = List.copyOf(unprobed);
  }

  /**
   * One row: hosts in the same state.
   *
   * @param hosts the hosts
   * @param state their common state
   */
  public record Row(NodeSet hosts, HostState state) {
    public Row {
      Objects.requireNonNull(hosts);
      Objects.requireNonNull(state);
    }
  }

  /**
   * The versions of one cluster package across the cluster's probed members.
   *
   * @param cluster the cluster
   * @param pkg the package
   * @param versions each installed version ({@code "-"} for not installed) with the members having
   *     it, in version-text order
   * @param skew whether the members disagree
   */
  public record ClusterVersions(
      String cluster, PackageName pkg, Map<String, NodeSet> versions, boolean skew) {
    public ClusterVersions {
      versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }
  }

  /**
   * Hosts that gave no facts, for one reason.
   *
   * @param hosts the hosts
   * @param reason why ({@code connection refused})
   */
  public record Unprobed(NodeSet hosts, String reason) {}

  /** The version shown for a member that does not have a cluster package installed. */
  public static final String NOT_INSTALLED = "-";

  /**
   * Summarises probe results.
   *
   * @param hosts every host's result
   * @param clusters the clusters whose package versions to compare
   */
  public static StatusSummary of(List<ProbedHost> hosts, List<ClusterPackages> clusters) {
    return of(hosts, clusters, p -> HostState.of(p.facts()));
  }

  /**
   * As {@link #of(List, List)}, with each probed host's state given by {@code stateOf} (a caller
   * that folds the same hosts again and again keeps each host's state, computed once per facts).
   */
  public static StatusSummary of(
      List<ProbedHost> hosts,
      List<ClusterPackages> clusters,
      Function<ProbedHost.Probed, HostState> stateOf) {
    Map<HostState, List<String>> byState = new LinkedHashMap<>();
    Map<String, List<String>> byReason = new TreeMap<>();
    Map<String, HostFacts> facts = new LinkedHashMap<>();
    for (ProbedHost host : hosts) {
      if (host instanceof ProbedHost.Probed p) {
        facts.put(p.host(), p.facts());
        byState.computeIfAbsent(stateOf.apply(p), s -> new ArrayList<>()).add(p.host());
      } else if (host instanceof ProbedHost.NotProbed n) {
        byReason.computeIfAbsent(n.reason(), r -> new ArrayList<>()).add(n.host());
      }
    }
    List<Row> rows = new ArrayList<>();
    byState.forEach((state, names) -> rows.add(new Row(NodeSet.of(names), state)));
    // Biggest groups first: the fleet's norm on top, the odd hosts below it.
    rows.sort(
        Comparator.comparingInt((Row r) -> -r.hosts().size()).thenComparing(r -> r.hosts().fold()));
    List<Unprobed> unprobed = new ArrayList<>();
    byReason.forEach((reason, names) -> unprobed.add(new Unprobed(NodeSet.of(names), reason)));
    return new StatusSummary(rows, clusterVersions(clusters, facts), unprobed);
  }

  private static List<ClusterVersions> clusterVersions(
      List<ClusterPackages> clusters, Map<String, HostFacts> facts) {
    List<ClusterVersions> result = new ArrayList<>();
    for (ClusterPackages cluster : clusters) {
      for (PackageName pkg : cluster.packages()) {
        Map<String, List<String>> byVersion = new TreeMap<>();
        for (String member : cluster.members()) {
          HostFacts memberFacts = facts.get(member);
          if (memberFacts == null) {
            continue; // not probed: listed with the unprobed hosts instead
          }
          byVersion
              .computeIfAbsent(
                  version(memberFacts, pkg).orElse(NOT_INSTALLED), v -> new ArrayList<>())
              .add(member);
        }
        if (byVersion.isEmpty()) {
          continue;
        }
        Map<String, NodeSet> versions = new LinkedHashMap<>();
        byVersion.forEach((v, members) -> versions.put(v, NodeSet.of(members)));
        result.add(new ClusterVersions(cluster.name(), pkg, versions, versions.size() > 1));
      }
    }
    return result;
  }

  private static Optional<String> version(HostFacts facts, PackageName pkg) {
    return facts.packages().stream()
        .filter(p -> p.pkg().equals(pkg))
        .map(InstalledPackage::version)
        .filter(Objects::nonNull)
        .map(Object::toString)
        .findFirst();
  }

  /** Whether every selected host gave facts. */
  public boolean allProbed() {
    return unprobed.isEmpty();
  }
}
