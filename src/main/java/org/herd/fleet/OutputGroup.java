package org.herd.fleet;

import java.util.List;

/**
 * Hosts that printed exactly the same lines and ended the same way: one block of {@code herd run
 * -b}.
 *
 * @param hosts the hosts, in node-set order
 * @param nodes the hosts folded into a node set, such as {@code n[1-2,5]}
 * @param exitCode the exit code they share (255 for hosts that did not complete)
 * @param outcomeKind the {@link HostOutcome#kind()} they share
 * @param lines the lines they all printed
 */
public record OutputGroup(
    List<String> hosts, String nodes, int exitCode, String outcomeKind, List<OutputLine> lines) {

  public OutputGroup {
    hosts = List.copyOf(hosts);
    lines = List.copyOf(lines);
  }

  /** The folded node set, followed by the host count when there are several, as clush shows it. */
  public String label() {
    return hosts.size() > 1 ? nodes + " (" + hosts.size() + ")" : nodes;
  }
}
