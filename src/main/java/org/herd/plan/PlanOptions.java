package org.herd.plan;

import java.util.Comparator;
import java.util.List;
import org.herd.debian.PackageName;

/**
 * What the operator asked the planner for: the restrictions of {@code herd plan}, whether removals
 * are allowed, and when apply should reboot. Kept in the plan so that a reader knows what was left
 * out on purpose, and so that {@code herd apply} reboots as the plan said.
 *
 * @param securityOnly plan only updates whose candidate comes from a security archive
 * @param only when not empty, plan only these packages (sorted, no duplicates)
 * @param exclude never plan these packages (sorted, no duplicates)
 * @param allowRemovals let a host plan remove packages; without it such a host is refused
 * @param reboot when apply reboots a host ({@code herd plan --reboot}); {@link RebootPolicy#NEVER}
 *     when null, as in plan files written before the option existed
 */
public record PlanOptions(
    boolean securityOnly,
    List<PackageName> only,
    List<PackageName> exclude,
    boolean allowRemovals,
    RebootPolicy reboot) {

  /** Sorts the lists and drops duplicates, so equal options serialise equally. */
  public PlanOptions {
    only = sorted(only);
    exclude = sorted(exclude);
    reboot = reboot == null ? RebootPolicy.NEVER : reboot;
  }

  /** Options that never reboot. */
  public PlanOptions(
      boolean securityOnly,
      List<PackageName> only,
      List<PackageName> exclude,
      boolean allowRemovals) {
    this(securityOnly, only, exclude, allowRemovals, RebootPolicy.NEVER);
  }

  /** Everything {@code apt-get dist-upgrade} would do, removals refused, no reboot. */
  public static PlanOptions defaults() {
    return new PlanOptions(false, List.of(), List.of(), false);
  }

  /** The same options with another reboot policy. */
  public PlanOptions withReboot(RebootPolicy policy) {
    return new PlanOptions(securityOnly, only, exclude, allowRemovals, policy);
  }

  private static List<PackageName> sorted(List<PackageName> names) {
    return names.stream().distinct().sorted(Comparator.comparing(PackageName::toString)).toList();
  }
}
