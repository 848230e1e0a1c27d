package org.herd.debian;

import java.util.List;

/**
 * What {@code apt-get -s dist-upgrade} (or any simulated apt-get action) says it would do.
 *
 * @param installs the {@code Inst} lines, in apt's order (upgrades, downgrades and NEW packages)
 * @param removals the {@code Remv}/{@code Purg} lines
 * @param keptBack packages listed under "The following packages have been kept back"
 * @param notUpgraded the "N not upgraded" count of the summary line, or -1 when absent
 * @param errors apt's {@code E:} lines (a non-empty list means the simulation failed)
 * @param notices apt's {@code W:} and {@code N:} lines
 */
public record AptSimulation(
    List<SimulatedInstall> installs,
    List<SimulatedRemoval> removals,
    List<String> keptBack,
    int notUpgraded,
    List<String> errors,
    List<String> notices) {

  /** Copies the lists. */
  public AptSimulation {
    installs = List.copyOf(installs);
    removals = List.copyOf(removals);
    keptBack = List.copyOf(keptBack);
    errors = List.copyOf(errors);
    notices = List.copyOf(notices);
  }

  /** The upgrades and downgrades: installs of packages that are installed already. */
  public List<SimulatedInstall> upgrades() {
    return installs.stream().filter(i -> !i.isNew()).toList();
  }

  /** The packages the run would newly install. */
  public List<SimulatedInstall> newPackages() {
    return installs.stream().filter(SimulatedInstall::isNew).toList();
  }

  /** The upgrades whose candidate comes from a security archive. */
  public List<SimulatedInstall> securityUpgrades() {
    return upgrades().stream().filter(SimulatedInstall::isSecurity).toList();
  }
}
