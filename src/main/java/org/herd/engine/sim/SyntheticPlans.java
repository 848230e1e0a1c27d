package org.herd.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.herd.debian.AptSimulationParser;
import org.herd.plan.HostInput;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanOptions;
import org.herd.plan.Planner;

/**
 * Synthetic facts for simulated hosts, planned by the real {@link Planner}: each host's {@code
 * apt-get -s dist-upgrade} says one library and one service package are upgraded, so every host
 * gets an executable plan the way a real host would, and the run covers the plan's executable hosts
 * in plan order.
 */
final class SyntheticPlans {

  private static final String UPGRADE =
      String.join(
          "\n",
          "Reading package lists...",
          "Building dependency tree...",
          "Calculating upgrade...",
          "The following packages will be upgraded:",
          "  libssl3 openssh-server",
          "2 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.",
          "Inst libssl3 [3.0.11-1~deb12u1] (3.0.11-1~deb12u2 Debian-Security:12/stable-security"
              + " [amd64])",
          "Inst openssh-server [1:9.2p1-2+deb12u1] (1:9.2p1-2+deb12u3 Debian:12.7/stable [amd64])",
          "Conf libssl3 (3.0.11-1~deb12u2 Debian-Security:12/stable-security [amd64])",
          "Conf openssh-server (1:9.2p1-2+deb12u3 Debian:12.7/stable [amd64])",
          "");

  private SyntheticPlans() {}

  /** Plans every host of the fleet; the hosts with an executable plan, in plan order. */
  static List<String> executableHosts(Fleet fleet) {
    return plan(fleet.hosts()).executableHosts().stream().map(HostPlan::host).toList();
  }

  /** The plan of {@code hosts}, each with the same synthetic upgrade. */
  static Plan plan(List<String> hosts) {
    var simulation = AptSimulationParser.parse(UPGRADE).value();
    List<HostInput> inputs = new ArrayList<>(hosts.size());
    for (String host : hosts) {
      inputs.add(HostInput.of(host, simulation));
    }
    return Planner.plan(inputs, PlanOptions.defaults(), Simulator.EPOCH, "simulate");
  }
}
