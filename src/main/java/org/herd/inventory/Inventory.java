package org.herd.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.nodeset.NodeSet;

/**
 * A resolved inventory: every host with its effective connection settings, the groups, clusters and
 * waves, with all node sets expanded and checked. Immutable; made by {@link InventoryLoader}.
 *
 * @param file the file it was read from, as the user named it
 * @param defaultSource the group source of {@code @group} without {@code source:}
 * @param hosts every host, in node-set order
 * @param groups every group, in declaration order
 * @param clusters every cluster, in declaration order
 * @param waves the waves, in rollout order
 * @param vars free-form variables of the inventory
 * @param defaults the connection defaults as written
 */
public record Inventory(
    String file,
    String defaultSource,
    List<Host> hosts,
    List<Group> groups,
    List<Cluster> clusters,
    List<Wave> waves,
    Map<String, Object> vars,
    ConnectionSettings defaults) {

  /**
   * The most hosts an inventory may declare: far beyond the fleets herd is for, and low enough that
   * a mistyped range ({@code h[1-10000000]}) is refused at once instead of filling the memory.
   */
  public static final int MAX_HOSTS = 100_000;

  /** Freezes the inventory. */
  public Inventory {
    hosts = List.copyOf(hosts);
    groups = List.copyOf(groups);
    clusters = List.copyOf(clusters);
    waves = List.copyOf(waves);
    vars = FrozenVars.copy(vars);
  }

  /** Every host name. */
  public NodeSet hostNames() {
    return NodeSet.of(hosts.stream().map(Host::name).toList());
  }

  /**
   * Every host by name, built anew on each call: callers that look up many hosts take it once
   * ({@link #host} reads the list).
   */
  public Map<String, Host> hostsByName() {
    Map<String, Host> byName = new java.util.HashMap<>();
    hosts.forEach(host -> byName.put(host.name(), host));
    return byName;
  }

  /** The host called {@code name}. */
  public Optional<Host> host(String name) {
    return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  /** The group {@code name} of {@code source} ({@code null} for the default source). */
  public Optional<Group> group(String source, String name) {
    String s = source == null ? defaultSource : source;
    return groups.stream().filter(g -> g.source().equals(s) && g.name().equals(name)).findFirst();
  }

  /** The cluster called {@code name}. */
  public Optional<Cluster> cluster(String name) {
    return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The groups {@code host} belongs to; for many hosts, {@link HostIndex} is faster. */
  public List<Group> groupsOf(String host) {
    return groups.stream().filter(g -> g.hosts().contains(host)).toList();
  }

  /** The clusters {@code host} belongs to; for many hosts, {@link HostIndex} is faster. */
  public List<Cluster> clustersOf(String host) {
    return clusters.stream().filter(c -> c.members().contains(host)).toList();
  }

  /** The wave {@code host} is in, if any. */
  public Optional<Wave> waveOf(String host) {
    return waves.stream().filter(w -> w.hosts().contains(host)).findFirst();
  }

  /** Resolves {@code @group}, {@code @source:group} and {@code @*} of node sets through this. */
  public InventoryGroups groupResolver() {
    return new InventoryGroups(this);
  }

  /** The hosts of a node-set expression, groups resolved through this inventory. */
  public NodeSet select(String expression) {
    return NodeSet.parse(expression, groupResolver());
  }
}
