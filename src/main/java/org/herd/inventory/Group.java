package org.herd.inventory;

import java.util.List;
import java.util.Map;
import org.herd.nodeset.NodeSet;

/**
 * A named set of hosts, referred to as {@code @name} (or {@code @source:name}) in node sets.
 *
 * @param source the group source: {@code herd} for herd and Ansible inventories, the source name
 *     for ClusterShell group files
 * @param name the group name
 * @param hosts every host of the group, nested groups expanded
 * @param members the node-set expressions it was declared with
 * @param settings connection settings it gives its hosts
 * @param vars variables it gives its hosts
 */
public record Group(
    String source,
    String name,
    NodeSet hosts,
    List<String> members,
    ConnectionSettings settings,
    Map<String, Object> vars) {

  /** Freezes the group. */
  public Group {
    members = List.copyOf(members);
    vars = FrozenVars.copy(vars);
  }

  /** {@code @name}, or {@code @source:name} outside the default source. */
  public String reference(String defaultSource) {
    return source.equals(defaultSource) ? "@" + name : "@" + source + ":" + name;
  }
}
