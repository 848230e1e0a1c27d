package org.herd.cli;

import org.herd.fleet.FanOutSettings;
import picocli.CommandLine.Option;
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

  @Option(
      names = {"-f", "--fanout"},
      paramLabel = "N",
      description = "Hosts probed at once (default: ${DEFAULT-VALUE}).")
  int fanout = FanOutSettings.DEFAULT_FANOUT;

  /** The hosts as a selection of {@link FleetTargets}. */
  NodeSelection selection() {
    if (fanout < 1) {
      throw new UserError("--fanout: must be at least 1, not " + fanout);
    }
    NodeSelection selection = new NodeSelection();
    if (nodes == null) {
      selection.all = true;
    } else {
      selection.nodes.add(nodes);
    }
    return selection;
  }
}
