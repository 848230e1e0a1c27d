package org.herd.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herd.debian.AptSimulation;
import org.herd.debian.PackageName;

/**
 * What the selection probe learned about one host, for the planner: the systemd service units of
 * the packages to upgrade, and what {@code apt-get -s install PINS} would do.
 *
 * @param serviceUnits the service units each asked package ships (dpkg's file list); a package
 *     without units is absent. Null when the probe gave no answer
 * @param restricted the simulation of installing the pins, or null when no pins were asked or the
 *     probe gave no answer
 * @param problem why the probe gave no answer, or null
 * @param conffiles what was read of the conffiles of the packages to upgrade, or null when they
 *     were not asked for (or the probe gave no answer)
 */
public record SelectionFacts(
    Map<PackageName, List<String>> serviceUnits,
    AptSimulation restricted,
    String problem,
    ConffileFacts conffiles) {

  /** Copies the map. */
  public SelectionFacts {
    serviceUnits = serviceUnits == null ? null : Map.copyOf(new HashMap<>(serviceUnits));
  }

  /** A probe without an answer. */
  public static SelectionFacts failed(String problem) {
    return new SelectionFacts(null, null, problem, null);
  }
}
