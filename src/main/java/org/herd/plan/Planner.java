package org.herd.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.herd.debian.AptSimulation;
import org.herd.debian.ConffileAction;
import org.herd.debian.ConffileHashes;
import org.herd.debian.ConffileOutcome;
import org.herd.debian.PackageName;
import org.herd.debian.SimulatedInstall;
import org.herd.debian.SimulatedRemoval;

/**
 * Turns hosts' facts and the operator's options into a {@link Plan}. Pure and deterministic: the
 * same inputs and options give an equal plan (and byte-identical JSON), whatever the order of the
 * hosts. docs/planning.md states the rules; in short:
 *
 * <ol>
 *   <li>The candidates are the {@code Inst} lines of {@code apt-get -s dist-upgrade}: upgrades,
 *       downgrades and new packages, each at the exact version apt chose.
 *   <li>{@code --exclude}, then {@code --only}, then {@code --security-only} leave packages out
 *       ({@link LeftOut}); the rest are the plan's installs.
 *   <li>Removals are apt's {@code Remv}/{@code Purg} lines. Without {@code --allow-removals} a host
 *       with removals is refused.
 *   <li>When the options left something out, the selection must stand on its own. If the caller
 *       simulated installing exactly the selection ({@link HostInput#restricted}), anything more
 *       that apt would install, a different version, or apt's errors refuse the host, and apt's
 *       removals for the selection replace those of the full upgrade. Without that simulation the
 *       planner cannot see dependencies, so it refuses a host when a new package (which apt
 *       installs only as somebody's dependency) was left out while other packages stay; it then
 *       keeps the full upgrade's removals.
 *   <li>Facts without a simulation, or a simulation with apt errors, refuse the host.
 *   <li>The conffiles of the installed packages are judged by dpkg's rules ({@link
 *       ConffileHashes#outcome}) under the host's dpkg options; only those that change are kept.
 * </ol>
 */
public final class Planner {

  private Planner() {}

  /**
   * Plans every host.
   *
   * @param hosts the hosts that were probed (hosts that were not are not planned)
   * @param options the operator's options
   * @param created the plan's creation time (herd's clock)
   * @param herdVersion this herd's version
   */
  public static Plan plan(
      List<HostInput> hosts, PlanOptions options, Instant created, String herdVersion) {
    return new Plan(
        Plan.FORMAT_VERSION,
        created,
        herdVersion,
        options,
        hosts.stream().map(h -> planHost(h, options)).toList());
  }

  /** Plans one host. */
  public static HostPlan planHost(HostInput input, PlanOptions options) {
    Objects.requireNonNull(options, "options");
    AptSimulation upgrade = input.upgrade();
    if (upgrade == null) {
      String why = input.missing().isEmpty() ? "unknown" : String.join("; ", input.missing());
      return new HostPlan(
          input.host(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          RebootNeed.none(),
          PlanBasis.of(List.of()),
          List.of(
              new Refusal(
                  Refusal.Kind.FACTS_INCOMPLETE,
                  "no apt-get dist-upgrade simulation in the host's facts (" + why + ")")),
          input.serviceUnits() != null,
          ConffileOutlook.none());
    }
    List<Refusal> refusals = new ArrayList<>();
    if (!upgrade.errors().isEmpty()) {
      refusals.add(
          new Refusal(Refusal.Kind.APT_ERRORS, "apt: " + String.join("; ", upgrade.errors())));
    }
    List<SimulatedInstall> selected = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    Map<String, LeftOut> leftOutByName = new HashMap<>();
    for (SimulatedInstall install : upgrade.installs()) {
      Optional<LeftOut.Reason> reason = leftOutReason(install, options);
      if (reason.isPresent()) {
        LeftOut out = new LeftOut(install.pkg(), install.candidate(), reason.get());
        leftOut.add(out);
        leftOutByName.put(install.pkg().toString(), out);
      } else {
        selected.add(install);
      }
    }
    List<SimulatedRemoval> removals = upgrade.removals();
    if (!leftOut.isEmpty()) {
      if (selected.isEmpty()) {
        // Nothing left to install: the removals were the price of packages that are left out.
        removals = List.of();
      } else if (input.restricted() != null) {
        removals = input.restricted().removals();
        refusals.addAll(checkRestricted(input.restricted(), selected, leftOutByName));
      } else {
        for (LeftOut out : leftOut) {
          upgrade.installs().stream()
              .filter(i -> i.pkg().equals(out.pkg()) && i.isNew())
              .findFirst()
              .ifPresent(
                  i ->
                      refusals.add(
                          new Refusal(
                              Refusal.Kind.DEPENDENCY_LEFT_OUT,
                              "the upgrade installs the new package "
                                  + i.pkg()
                                  + "="
                                  + i.candidate()
                                  + " as a dependency, but "
                                  + describe(out.reason())
                                  + " left it out")));
        }
      }
    }
    if (!removals.isEmpty() && !options.allowRemovals()) {
      refusals.add(
          new Refusal(
              Refusal.Kind.REMOVALS_NOT_ALLOWED,
              "the upgrade removes "
                  + String.join(
                      ", ", removals.stream().map(r -> r.pkg().toString()).sorted().toList())
                  + "; plan with --allow-removals to allow it"));
    }
    List<PlannedInstall> installs =
        selected.stream().map(i -> planned(i, input.serviceUnits())).toList();
    List<PlanBasis.InstalledVersion> basis = new ArrayList<>();
    installs.forEach(i -> basis.add(new PlanBasis.InstalledVersion(i.pkg(), i.installed())));
    removals.stream()
        .filter(r -> r.installed() != null)
        .forEach(r -> basis.add(new PlanBasis.InstalledVersion(r.pkg(), r.installed())));
    return new HostPlan(
        input.host(),
        installs,
        removals.stream().map(r -> new PlannedRemoval(r.pkg(), r.installed(), r.purge())).toList(),
        leftOut,
        upgrade.keptBack(),
        RebootRule.of(installs),
        PlanBasis.of(distinct(basis)),
        refusals,
        input.serviceUnits() != null,
        conffiles(installs, input.conffiles()));
  }

  /**
   * What the installs do to the host's conffiles: each conffile of an installed package is judged
   * by dpkg's rules ({@link ConffileHashes#outcome}); unchanged ones are left out.
   */
  static ConffileOutlook conffiles(List<PlannedInstall> installs, ConffileInput read) {
    if (installs.isEmpty()) {
      return ConffileOutlook.none();
    }
    if (read == null) {
      return ConffileOutlook.unknown("not examined");
    }
    if (read.unknown() != null) {
      return ConffileOutlook.unknown(read.unknown());
    }
    Set<PackageName> installed = new HashSet<>();
    installs.forEach(i -> installed.add(i.pkg()));
    List<ConffileChange> changes = new ArrayList<>();
    for (ConffileHashes file : read.files()) {
      if (!installed.contains(file.pkg())) {
        continue;
      }
      ConffileOutcome outcome = file.outcome(read.policy());
      if (outcome.action() != ConffileAction.UNCHANGED) {
        changes.add(
            new ConffileChange(file.pkg(), file.path(), outcome.action(), outcome.leftBehind()));
      }
    }
    List<UnexaminedPackage> unexamined = new ArrayList<>();
    read.unexamined()
        .forEach(
            (pkg, why) -> {
              if (installed.contains(pkg)) {
                unexamined.add(new UnexaminedPackage(pkg, why));
              }
            });
    return new ConffileOutlook(null, changes, unexamined, read.policy().options());
  }

  /** Which option leaves {@code install} out, if one does (in the order of the options' doc). */
  static Optional<LeftOut.Reason> leftOutReason(SimulatedInstall install, PlanOptions options) {
    if (options.exclude().stream().anyMatch(name -> matches(name, install.pkg()))) {
      return Optional.of(LeftOut.Reason.EXCLUDED);
    }
    if (!options.only().isEmpty()
        && options.only().stream().noneMatch(name -> matches(name, install.pkg()))) {
      return Optional.of(LeftOut.Reason.NOT_SELECTED);
    }
    if (options.securityOnly() && !install.isSecurity()) {
      return Optional.of(LeftOut.Reason.NOT_SECURITY);
    }
    return Optional.empty();
  }

  /** An option's name matches a package of any architecture unless it names one itself. */
  private static boolean matches(PackageName option, PackageName pkg) {
    return option.architecture() == null ? option.name().equals(pkg.name()) : option.equals(pkg);
  }

  private static List<Refusal> checkRestricted(
      AptSimulation restricted,
      List<SimulatedInstall> selected,
      Map<String, LeftOut> leftOutByName) {
    List<Refusal> refusals = new ArrayList<>();
    if (!restricted.errors().isEmpty()) {
      refusals.add(
          new Refusal(
              Refusal.Kind.APT_ERRORS,
              "apt cannot install the selection alone: " + String.join("; ", restricted.errors())));
    }
    Map<String, SimulatedInstall> wanted = new LinkedHashMap<>();
    selected.forEach(i -> wanted.put(i.pkg().toString(), i));
    for (SimulatedInstall install : restricted.installs()) {
      SimulatedInstall planned = wanted.get(install.pkg().toString());
      if (planned == null) {
        LeftOut out = leftOutByName.get(install.pkg().toString());
        refusals.add(
            new Refusal(
                Refusal.Kind.DEPENDENCY_LEFT_OUT,
                "installing the selection also installs "
                    + install.pkg()
                    + "="
                    + install.candidate()
                    + (out == null
                        ? ", which apt-get dist-upgrade would not"
                        : ", which " + describe(out.reason()) + " left out")));
      } else if (!planned.candidate().equals(install.candidate())) {
        refusals.add(
            new Refusal(
                Refusal.Kind.DEPENDENCY_LEFT_OUT,
                "installing the selection installs "
                    + install.pkg()
                    + "="
                    + install.candidate()
                    + ", not the planned "
                    + planned.candidate()));
      }
    }
    return refusals;
  }

  private static String describe(LeftOut.Reason reason) {
    return switch (reason) {
      case EXCLUDED -> "--exclude";
      case NOT_SELECTED -> "--only";
      case NOT_SECURITY -> "--security-only";
    };
  }

  private static PlannedInstall planned(
      SimulatedInstall install, Map<PackageName, List<String>> serviceUnits) {
    PlannedInstall.Action action =
        install.isNew()
            ? PlannedInstall.Action.NEW
            : install.isDowngrade()
                ? PlannedInstall.Action.DOWNGRADE
                : PlannedInstall.Action.UPGRADE;
    List<String> units = List.of();
    if (serviceUnits != null && !install.isNew()) {
      units = serviceUnits.getOrDefault(install.pkg(), List.of());
    }
    return new PlannedInstall(
        install.pkg(),
        install.installed(),
        install.candidate(),
        action,
        install.isSecurity()
            ? PlannedInstall.Classification.SECURITY
            : PlannedInstall.Classification.REGULAR,
        install.releases().stream().map(Object::toString).toList(),
        units);
  }

  private static List<PlanBasis.InstalledVersion> distinct(List<PlanBasis.InstalledVersion> all) {
    Map<String, PlanBasis.InstalledVersion> byName = new LinkedHashMap<>();
    all.forEach(v -> byName.putIfAbsent(v.pkg().toString(), v));
    return List.copyOf(byName.values());
  }
}
