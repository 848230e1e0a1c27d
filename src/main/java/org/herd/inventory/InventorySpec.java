package org.herd.inventory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An inventory as a file declares it, before node sets are expanded and references checked: what
 * every reader (herd YAML, Ansible, ClusterShell) produces and what {@link InventoryResolver} turns
 * into an {@link Inventory}. Everything keeps its {@link Position} so the resolver can report
 * mistakes where they were made.
 *
 * @param file the file as the user named it
 * @param directory the directory relative paths in the file are resolved against
 * @param defaultSource the group source of {@code @group} without {@code source:}
 * @param hostsFromGroups whether the hosts are the members of the groups (ClusterShell files have
 *     no host list); otherwise every host must be declared in {@link #hosts}
 * @param defaults connection settings of every host
 * @param vars variables of every host
 * @param hosts host declarations in file order; a host may be declared several times
 * @param groups group declarations in file order
 * @param clusters cluster declarations in file order
 * @param waves waves in rollout order
 */
record InventorySpec(
    String file,
    Path directory,
    String defaultSource,
    boolean hostsFromGroups,
    ConnectionSettings defaults,
    Map<String, Object> vars,
    List<HostSpec> hosts,
    List<GroupSpec> groups,
    List<ClusterSpec> clusters,
    List<WaveSpec> waves) {

  /** The group source of herd's own inventory. */
  static final String HERD_SOURCE = "herd";

  /**
   * One host declaration.
   *
   * @param key a node-set expression of host names, or a single host name if {@code literal}
   * @param literal whether {@code key} is one host name, not to be parsed as a node set (Ansible
   *     host names were expanded by Ansible's own range rules)
   * @param settings connection settings of these hosts
   * @param vars variables of these hosts
   */
  record HostSpec(
      Located key, boolean literal, ConnectionSettings settings, Map<String, Object> vars) {}

  /**
   * One group declaration.
   *
   * @param source the group source the group belongs to
   * @param name the group name, without {@code @}
   * @param members node-set expressions, united; {@code @other} names groups of the same source
   * @param settings connection settings of the members
   * @param vars variables of the members
   */
  record GroupSpec(
      String source,
      Located name,
      List<Located> members,
      ConnectionSettings settings,
      Map<String, Object> vars) {}

  /**
   * One cluster declaration.
   *
   * @param name the cluster name
   * @param members node-set expressions, united
   * @param recipe the recipe name, or {@code null} to use the cluster name
   * @param budget how many members may be out at once, or {@code null} for the recipe's default
   * @param order node-set expressions giving the member order, or empty
   * @param vars variables of the cluster
   */
  record ClusterSpec(
      Located name,
      List<Located> members,
      Located recipe,
      DisruptionBudget budget,
      List<Located> order,
      Map<String, Object> vars) {}

  /**
   * One wave.
   *
   * @param name the wave name
   * @param nodes node-set expressions, united
   * @param soak how long to watch the wave before starting the next
   */
  record WaveSpec(Located name, List<Located> nodes, Duration soak) {}
}
