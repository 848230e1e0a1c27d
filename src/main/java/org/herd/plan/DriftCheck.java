package org.herd.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.herd.debian.DebianVersion;

/**
 * Compares a host plan's {@link PlanBasis} with freshly probed installed versions: {@code herd
 * apply} runs it right before a host's install and refuses the host on any difference, because a
 * pinned {@code package=version} set computed for another state may downgrade, remove or break what
 * changed meanwhile. Versions are compared as exact strings, as dpkg and apt identify them.
 */
public final class DriftCheck {

  private DriftCheck() {}

  /** Whether {@code now} still matches the basis of {@code plan}. */
  public static Drift check(HostPlan plan, InstalledVersions now) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(now, "now");
    List<Drift.Difference> differences = new ArrayList<>();
    for (PlanBasis.InstalledVersion basis : plan.basis().packages()) {
      DebianVersion expected = basis.version();
      if (!now.reported(basis.pkg())) {
        differences.add(new Drift.Difference(basis.pkg(), Drift.Kind.NOT_REPORTED, expected, null));
        continue;
      }
      DebianVersion found = now.version(basis.pkg());
      if (Objects.equals(expected, found)) {
        continue;
      }
      Drift.Kind kind;
      if (expected == null) {
        kind = atPlanned(plan, basis, found) ? Drift.Kind.AT_PLANNED_VERSION : Drift.Kind.INSTALLED;
      } else if (found == null) {
        kind = Drift.Kind.REMOVED;
      } else {
        kind = atPlanned(plan, basis, found) ? Drift.Kind.AT_PLANNED_VERSION : Drift.Kind.CHANGED;
      }
      differences.add(new Drift.Difference(basis.pkg(), kind, expected, found));
    }
    return differences.isEmpty() ? new Drift.Matches() : new Drift.Drifted(differences);
  }

  private static boolean atPlanned(
      HostPlan plan, PlanBasis.InstalledVersion basis, DebianVersion found) {
    return plan.installs().stream()
        .anyMatch(i -> i.pkg().equals(basis.pkg()) && i.version().equals(found));
  }
}
