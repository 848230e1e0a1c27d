package org.herd.cli;

import java.util.Map;
import org.herd.lab.ClusterKind;
import org.herd.lab.Release;

/**
 * What {@code herd demo} was asked for.
 *
 * @param name the lab's name, also its hosts' prefix
 * @param kind the cluster to form and upgrade
 * @param hosts how many lab hosts, all members
 * @param release the lab hosts' Debian release
 * @param way who upgrades
 * @param clusterVars variables of the cluster in the inventory herd upgrades with (its recipe's
 *     opt-ins); the operator and clush do not read them
 */
record DemoSpec(
    String name,
    ClusterKind kind,
    int hosts,
    Release release,
    DemoWay way,
    Map<String, String> clusterVars) {

  /** Freezes the variables. */
  DemoSpec {
    clusterVars = Map.copyOf(clusterVars);
  }
}
