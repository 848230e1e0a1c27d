package org.herd.facts;

import java.util.List;
import org.herd.nodeset.NodeSet;

/**
 * What {@code herd changes} found: one block per distinct pending upgrade, and the hosts it could
 * not ask.
 *
 * @param blocks the pending upgrades with their changelog entries, by package then version
 * @param problems hosts that could not be reached or whose apt failed, folded by reason
 * @param interrupted the run was stopped (Ctrl-C); {@code incomplete} lists what did not finish
 * @param incomplete the hosts that did not finish
 */
public record ChangesReport(
    List<ChangeBlock> blocks,
    List<Problem> problems,
    boolean interrupted,
    List<String> incomplete) {

  /** Copies the lists. */
  public ChangesReport {
    blocks = List.copyOf(blocks);
    problems = List.copyOf(problems);
    incomplete = List.copyOf(incomplete);
  }

  /**
   * Hosts that gave no usable answer, and why.
   *
   * @param hosts the hosts
   * @param reason why, as one line
   */
  public record Problem(NodeSet hosts, String reason) {}
}
