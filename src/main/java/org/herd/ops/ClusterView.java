package org.herd.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.debian.InstalledPackage;
import org.herd.debian.PackageName;
import org.herd.facts.ClusterPackages;
import org.herd.facts.HostFacts;
import org.herd.inventory.Cluster;
import org.herd.journal.Journal;
import org.herd.journal.RunSummary;
import org.herd.journal.StepRecord;
import org.herd.journal.StoredFacts;
import org.herd.nodeset.NodeSet;

/**
 * The inventory's clusters (the clusters page and API): members, each member's installed version of
 * each of the cluster's packages (its {@code packages} variable) from the latest facts, whether the
 * members disagree (version skew), and each member's last health step in the recent runs.
 */
public final class ClusterView {

  /** How many of the newest runs are searched for members' health steps. */
  static final int HEALTH_RUNS = 20;

  /** The latest health step of a member: when, how it ended, in which run. */
  public record Health(String run, String at, String outcome) {}

  /**
   * One member.
   *
   * @param versions package to installed version ({@code "-"}: not installed; absent: no facts)
   * @param health its last health step, or null
   */
  public record Member(String host, Map<String, String> versions, Health health) {}

  /** One cluster; {@code skew} names the packages whose versions differ between members. */
  public record ClusterRow(
      String cluster, String recipe, List<Member> members, List<String> skew) {}

  private final Workspace workspace;
  private final Journal journal;

  public ClusterView(Workspace workspace, Journal journal) {
    this.workspace = workspace;
    this.journal = journal;
  }

  /** Every cluster of the inventory; none without an inventory. */
  public List<ClusterRow> clusters() {
    List<ClusterPackages> clusters =
        packages(
            workspace, workspace.inventory().map(i -> i.hostNames()).orElse(NodeSet.of(List.of())));
    List<String> hosts = new ArrayList<>();
    clusters.forEach(c -> hosts.addAll(c.members().expand()));
    Map<String, StoredFacts> stored = journal.latestFacts(hosts);
    Map<String, Health> health = lastHealth(hosts);
    List<ClusterRow> rows = new ArrayList<>();
    for (ClusterPackages cluster : clusters) {
      List<Member> members = new ArrayList<>();
      Map<String, java.util.Set<String>> seen = new LinkedHashMap<>();
      for (String host : cluster.members()) {
        Map<String, String> versions = new LinkedHashMap<>();
        HostFacts facts =
            stored.containsKey(host) ? FleetView.facts(stored.get(host)).orElse(null) : null;
        if (facts != null) {
          for (PackageName pkg : cluster.packages()) {
            String version = version(facts, pkg);
            versions.put(pkg.toString(), version);
            seen.computeIfAbsent(pkg.toString(), p -> new java.util.TreeSet<>()).add(version);
          }
        }
        members.add(new Member(host, versions, health.get(host)));
      }
      List<String> skew = new ArrayList<>();
      seen.forEach(
          (pkg, versions) -> {
            if (versions.size() > 1) {
              skew.add(pkg);
            }
          });
      String recipe =
          workspace
              .inventory()
              .flatMap(i -> i.cluster(cluster.name()))
              .map(Cluster::recipe)
              .orElse(null);
      rows.add(new ClusterRow(cluster.name(), recipe, members, skew));
    }
    return rows;
  }

  private Map<String, Health> lastHealth(List<String> hosts) {
    Map<String, Health> found = new HashMap<>();
    java.util.Set<String> wanted = new java.util.HashSet<>(hosts);
    int searched = 0;
    for (RunSummary run : journal.runs()) {
      if (searched++ >= HEALTH_RUNS || found.size() == wanted.size()) {
        break;
      }
      for (StepRecord step : journal.steps(run.id())) {
        if (step.step().equals("health") && wanted.contains(step.host())) {
          found.merge(
              step.host(),
              new Health(
                  run.id().value(),
                  step.startedAt().toString(),
                  step.outcome().map(Enum::name).orElse("RUNNING")),
              (old, newer) -> old.run().equals(newer.run()) ? newer : old);
        }
      }
    }
    return found;
  }

  private static String version(HostFacts facts, PackageName pkg) {
    return facts.packages().stream()
        .filter(p -> p.pkg().equals(pkg))
        .map(InstalledPackage::version)
        .filter(Objects::nonNull)
        .map(Object::toString)
        .findFirst()
        .orElse(org.herd.facts.StatusSummary.NOT_INSTALLED);
  }

  /**
   * The clusters among the selected hosts, with the packages named by their {@code packages}
   * variable: the only source of a cluster's packages until recipes say which it owns; without it
   * the cluster is compared on no package.
   *
   * @throws InvalidRequest when a cluster's {@code packages} variable names no package
   */
  static List<ClusterPackages> packages(Workspace workspace, NodeSet selected) {
    List<ClusterPackages> clusters = new ArrayList<>();
    for (Cluster cluster : workspace.inventory().map(i -> i.clusters()).orElse(List.of())) {
      NodeSet members = cluster.members().intersection(selected);
      if (members.isEmpty()) {
        continue;
      }
      List<PackageName> names = new ArrayList<>();
      if (cluster.vars().get("packages") instanceof List<?> list) {
        for (Object name : list) {
          names.add(packageName(cluster.name(), String.valueOf(name)));
        }
      }
      clusters.add(new ClusterPackages(cluster.name(), members, names));
    }
    return clusters;
  }

  private static PackageName packageName(String cluster, String text) {
    try {
      return PackageName.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("cluster " + cluster + ": packages: not a package name: " + text);
    }
  }
}
