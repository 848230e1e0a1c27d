package org.herd.plan;

import java.util.Comparator;
import java.util.List;
import org.herd.debian.PackageName;

/**
 * What the operator asked the planner for: the restrictions of {@code herd plan} and whether
 * removals are allowed. Kept in the plan so that a reader knows what was left out on purpose.
 *
 * @param securityOnly plan only updates whose candidate comes from a security archive
 * @param only when not empty, plan only these packages (sorted, no duplicates)
 * @param exclude never plan these packages (sorted, no duplicates)
 * @param allowRemovals let a host plan remove packages; without it such a host is refused
 */
public record PlanOptions(
    boolean securityOnly,
    List<PackageName> only,
    List<PackageName> exclude,
    boolean allowRemovals) {

  /** Sorts the lists and drops duplicates, so equal options serialise equally. */
  public PlanOptions {
    only = sorted(only);
    exclude = sorted(exclude);
  }

  /** Everything {@code apt-get dist-upgrade} would do, removals refused. */
  public static PlanOptions defaults() {
    return new PlanOptions(false, List.of(), List.of(), false);
  }

  private static List<PackageName> sorted(List<PackageName> names) {
    return names.stream().distinct().sorted(Comparator.comparing(PackageName::toString)).toList();
  }
}
