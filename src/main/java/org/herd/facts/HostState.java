package org.herd.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.herd.debian.AuditProblem;
import org.herd.debian.KernelStatus;
import org.herd.debian.OsRelease;
import org.herd.debian.PolicyRcd;
import org.herd.debian.UnattendedUpgrades;

/**
 * The fingerprint of a host's upgrade state: the facts of {@link HostFacts} that {@code herd
 * status} shows, without the volatile ones (boot id, uptime, process ids, lock holders' pids, probe
 * time, host name). Hosts with equal states are folded into one row, as DSA groups hosts with
 * identical pending updates.
 *
 * @param os {@code ID VERSION_ID (CODENAME)}, or {@code ?} when unknown
 * @param pending the pending upgrades, {@code pkg installed -> candidate}, security ones marked
 * @param securityCount how many of {@code pending} are security updates
 * @param newPackages packages the upgrade would install
 * @param removals packages the upgrade would remove
 * @param held held packages
 * @param reboot why a reboot is needed ({@code flag}, {@code kernel}), empty when it is not
 * @param restarts the units (or commands, outside units) running outdated code
 * @param dpkgProblems {@code dpkg --audit}: {@code pkg kind}
 * @param dpkgLocked whether a process holds a dpkg/apt lock (which one is volatile)
 * @param policy policy-rc.d kind, service-policy rule count, pins, unattended-upgrades, herd's
 *     guard (stale ones stand out) and the restarts its spool holds
 * @param aptErrors apt's errors, which make the pending list untrustworthy
 */
public record HostState(
    String os,
    List<String> pending,
    int securityCount,
    List<String> newPackages,
    List<String> removals,
    List<String> held,
    List<String> reboot,
    List<String> restarts,
    List<String> dpkgProblems,
    boolean dpkgLocked,
    List<String> policy,
    List<String> aptErrors) {

  /** Copies the lists. */
  public HostState {
    Objects.requireNonNull(os);
    pending = List.copyOf(pending);
    newPackages = List.copyOf(newPackages);
    removals = List.copyOf(removals);
    held = List.copyOf(held);
    reboot = List.copyOf(reboot);
    restarts = List.copyOf(restarts);
    dpkgProblems = List.copyOf(dpkgProblems);
    policy = List.copyOf(policy);
    aptErrors = List.copyOf(aptErrors);
  }

  /** The state of a host, from its facts; missing sections give empty lists. */
  public static HostState of(HostFacts facts) {
    UpgradeFacts upgrades = facts.upgrades();
    List<String> pending = List.of();
    int security = 0;
    List<String> newPackages = List.of();
    List<String> removals = List.of();
    List<String> held = List.of();
    List<String> aptErrors = List.of();
    if (upgrades != null) {
      pending =
          upgrades.pending().stream()
              .map(
                  p ->
                      p.pkg()
                          + " "
                          + p.installed()
                          + " -> "
                          + p.candidate()
                          + (p.security() ? " [security]" : ""))
              .toList();
      security = upgrades.securityCount();
      newPackages =
          upgrades.newPackages().stream().map(p -> p.pkg() + " " + p.candidate()).toList();
      removals =
          upgrades.removals().stream().map(r -> r.pkg() + (r.purge() ? " (purge)" : "")).toList();
      held = upgrades.held().stream().map(Object::toString).toList();
      aptErrors = upgrades.errors();
    }
    return new HostState(
        os(facts.os()),
        pending,
        security,
        newPackages,
        removals,
        held,
        reboot(facts.reboot()),
        restarts(facts.restarts(), facts.policy()),
        facts.dpkg() == null
            ? List.of()
            : facts.dpkg().problems().stream().map(HostState::problem).toList(),
        facts.dpkg() != null && facts.dpkg().locked(),
        policy(facts.policy()),
        aptErrors);
  }

  private static String os(OsRelease os) {
    if (os == null || os.id() == null) {
      return "?";
    }
    StringBuilder text = new StringBuilder(os.id());
    if (os.versionId() != null) {
      text.append(' ').append(os.versionId());
    }
    if (os.codename() != null) {
      text.append(" (").append(os.codename()).append(')');
    }
    return text.toString();
  }

  private static List<String> reboot(RebootFacts reboot) {
    if (reboot == null || !reboot.required()) {
      return List.of();
    }
    ArrayList<String> why = new ArrayList<>();
    if (reboot.flagFile()) {
      why.add("flag");
    }
    if (reboot.kernel() == KernelStatus.Verdict.NEWER_KERNEL
        || reboot.kernel() == KernelStatus.Verdict.ABI_COMPATIBLE_UPGRADE) {
      why.add("kernel");
    }
    if (why.isEmpty()) {
      why.add("yes");
    }
    return why;
  }

  private static List<String> restarts(RestartFacts restarts, PolicyFacts policy) {
    List<String> units = new ArrayList<>();
    if (restarts != null) {
      units.addAll(scanned(restarts));
    }
    // herd's own: restarts its policy left pending (the unit may run old code, or not any more).
    if (policy != null && policy.herdGuard() != null) {
      for (String pending : policy.herdGuard().pendingRestarts()) {
        units.add(pending.replaceFirst(" \\(", " (herd: "));
      }
    }
    return units;
  }

  private static List<String> scanned(RestartFacts restarts) {
    // Units, not processes: pids change with every restart and say nothing about the state.
    return restarts.services().stream()
        .map(
            u ->
                u.unit() != null
                    ? u.unit()
                    : u.processes().stream()
                        .map(RestartFacts.StaleProcess::command)
                        // A process that exits while it is probed leaves an empty command.
                        .filter(command -> command != null && !command.isBlank())
                        .distinct()
                        .sorted()
                        .reduce((a, b) -> a + "," + b)
                        .orElse("?"))
        .distinct()
        .sorted()
        .toList();
  }

  private static String problem(AuditProblem problem) {
    return problem.pkg() + " " + problem.kind().name().toLowerCase(Locale.ROOT);
  }

  private static List<String> policy(PolicyFacts policy) {
    if (policy == null) {
      return List.of();
    }
    ArrayList<String> parts = new ArrayList<>();
    PolicyRcd rcd = policy.policyRcd();
    if (rcd != null && rcd.kind() != PolicyRcd.Kind.ABSENT) {
      parts.add("policy-rc.d:" + rcd.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    if (!policy.servicePolicies().isEmpty()) {
      parts.add(policy.servicePolicies().size() + " service rules");
    }
    if (!policy.pins().isEmpty()) {
      parts.add(policy.pins().size() + (policy.pins().size() == 1 ? " pin" : " pins"));
    }
    UnattendedUpgrades uu = policy.unattendedUpgrades();
    if (policy.unattendedUpgradesEnabled() || (uu != null && uu.enabled())) {
      parts.add("unattended-upgrades");
    }
    GuardFacts guard = policy.herdGuard();
    if (guard != null && guard.describe() != null) {
      parts.add(guard.describe());
    }
    if (guard != null && guard.spooled() > 0) {
      parts.add(
          guard.spooled() + " denied restart" + (guard.spooled() == 1 ? "" : "s") + " pending");
    }
    return parts;
  }
}
