package org.herd.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.debian.AptSimulation;
import org.herd.debian.PackageName;

/**
 * What the planner knows about one host: built by the caller from the host's facts (the planner
 * does not depend on how facts are gathered).
 *
 * @param host the host's name
 * @param upgrade what {@code apt-get -s dist-upgrade} says, or null when the facts lack it
 * @param missing why the simulation is missing or partial (the probe's limitations), empty when the
 *     facts are complete
 * @param serviceUnits the systemd service units each installed package ships, or null when they
 *     were not read
 * @param restricted what {@code apt-get -s install PINS} says for the pins of a restricted plan
 *     (see {@link Planner}), or null when it was not simulated
 * @param conffiles the sums of the conffiles of the packages to upgrade, or null when they were not
 *     asked for
 */
public record HostInput(
    String host,
    AptSimulation upgrade,
    List<String> missing,
    Map<PackageName, List<String>> serviceUnits,
    AptSimulation restricted,
    ConffileInput conffiles) {

  /** Copies the collections. */
  public HostInput {
    Objects.requireNonNull(host, "host");
    missing = List.copyOf(missing);
    serviceUnits = serviceUnits == null ? null : Map.copyOf(new HashMap<>(serviceUnits));
  }

  /** An input without conffiles: they were not asked for. */
  public HostInput(
      String host,
      AptSimulation upgrade,
      List<String> missing,
      Map<PackageName, List<String>> serviceUnits,
      AptSimulation restricted) {
    this(host, upgrade, missing, serviceUnits, restricted, null);
  }

  /** A host known only by its dist-upgrade simulation. */
  public static HostInput of(String host, AptSimulation upgrade) {
    return new HostInput(host, upgrade, List.of(), null, null);
  }

  /** This input with the service units read from the host. */
  public HostInput withServiceUnits(Map<PackageName, List<String>> units) {
    return new HostInput(host, upgrade, missing, units, restricted, conffiles);
  }

  /** This input with the simulation of the restricted install. */
  public HostInput withRestricted(AptSimulation simulation) {
    return new HostInput(host, upgrade, missing, serviceUnits, simulation, conffiles);
  }

  /** This input with what was read of the host's conffiles. */
  public HostInput withConffiles(ConffileInput read) {
    return new HostInput(host, upgrade, missing, serviceUnits, restricted, read);
  }
}
