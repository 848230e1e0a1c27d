package org.herd.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.herd.plan.HostPlan;

/**
 * The names a host plan gives the steps: its packages (installs, then removals) for the checks'
 * scripts, and the service units of its installs, in plan order, for the guard, the restarts and
 * the health step.
 */
final class PlannedNames {

  private PlannedNames() {}

  /** The units the planned installs ship, each once, in plan order. */
  static List<String> serviceUnits(HostPlan plan) {
    Set<String> units = new LinkedHashSet<>();
    plan.installs().forEach(i -> units.addAll(i.serviceUnits()));
    return List.copyOf(units);
  }

  /** The packages installed or removed, as the plan writes them ({@code name[:arch]}). */
  static List<String> packages(HostPlan plan) {
    List<String> names = new ArrayList<>();
    plan.installs().forEach(i -> names.add(i.pkg().toString()));
    plan.removals().forEach(r -> names.add(r.pkg().toString()));
    return names;
  }
}
