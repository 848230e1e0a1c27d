package org.herd.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The hosts a planning command probes ({@code herd plan}, {@code upgrade}, {@code reboot}): a node
 * set, every host of the inventory by default, and how many are probed at once.
 */
final class ProbeTargets {

  @Parameters(
      paramLabel = "NODES",
      arity = "0..1",
      description = "The hosts, as a node set; default: every host of the inventory ('@*').")
  String nodes;

  @Mixin FanoutOption fanoutOption = new FanoutOption();

  /** How many hosts are probed at once (and, for a run, download at once). */
  int fanout() {
    return fanoutOption.value();
  }

  /** The hosts as a selection of {@link FleetTargets}. */
  NodeSelection selection() {
    fanoutOption.value();
    NodeSelection selection = new NodeSelection();
    if (nodes == null) {
      selection.all = true;
    } else {
      selection.nodes.add(nodes);
    }
    return selection;
  }
}
