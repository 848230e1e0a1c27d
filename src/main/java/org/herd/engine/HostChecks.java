package org.herd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herd.debian.InstalledPackage;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.journal.VersionPhase;
import org.herd.plan.Drift;
import org.herd.plan.DriftCheck;
import org.herd.plan.HostPlan;
import org.herd.plan.PlannedInstall;
import org.herd.plan.PlannedRemoval;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * The steps that look at a host without changing it:
 *
 * <ul>
 *   <li>precheck: {@code dpkg --audit} clean, no dpkg/apt lock held, 100 MiB free, and the host
 *       still has the installed state the plan was made from (else it is refused as drifted); the
 *       versions before are journaled;
 *   <li>health: the units dpkg asked to restart are active and no planned unit has failed;
 *   <li>verify: every planned package at its planned version and healthy, removals gone, dpkg audit
 *       clean; the versions after are journaled.
 * </ul>
 *
 * Precheck and verify run the same script ({@code precheck.sh}), which reports in one round trip.
 */
final class HostChecks {

  private static final Duration SHORT = Duration.ofMinutes(2);
  private static final String PRECHECK = HostScripts.load("precheck.sh");

  private static final String STATES_MARK = "@@herd-states@@";

  /**
   * The guard's spool ($1), then STATES_MARK, then "NAME TAB STATE" (systemctl is-active) for each
   * unit named in the spool and each planned unit ($2...): the health step in one round trip.
   */
  private static final String HEALTH =
      "spool=$1; shift; cat -- \"$spool\" 2>/dev/null; echo "
          + STATES_MARK
          + "; { for u; do echo \"$u\"; done; cut -f 2 -- \"$spool\" 2>/dev/null; }"
          + " | sort -u | while IFS= read -r u; do"
          + " [ -n \"$u\" ] && printf '%s\\t%s\\n' \"$u\" \"$(systemctl is-active -- \"$u\")\";"
          + " done; :";

  private final RunId run;
  private final Journal journal;
  private final ServiceGuard guard;

  HostChecks(RunId run, Journal journal, ServiceGuard guard) {
    this.run = run;
    this.journal = journal;
    this.guard = guard;
  }

  StepResult precheck(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    PrecheckReport report = report(session, plan, "herd-precheck");
    List<String> problems = new ArrayList<>(report.problems());
    if (DriftCheck.check(plan, report.installed()) instanceof Drift.Drifted drifted) {
      problems.add(
          "the host changed since the plan was made: " + String.join("; ", drifted.reasons()));
    }
    journal.recordVersions(
        run, plan.host(), VersionPhase.BEFORE, versions(report.packages(), plan));
    if (!problems.isEmpty()) {
      return new StepResult.Failed(problems.get(0), String.join("\n", problems));
    }
    return new StepResult.Done(false, "dpkg healthy, no lock held, enough space, state as planned");
  }

  StepResult health(Session session, HostPlan plan)
      throws EngineException, TransportException, InterruptedException {
    List<String> planned = PlannedNames.serviceUnits(plan);
    List<String> argv =
        new ArrayList<>(List.of("/bin/sh", "-c", HEALTH, "herd-health", guard.spoolPath()));
    argv.addAll(planned);
    CommandResult result =
        session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(SHORT));
    return healthOf(plan.host(), result, planned);
  }

  /**
   * The health step's verdict from the answer of {@link #HEALTH}: every unit dpkg asked to restart
   * (the spool) is active, and no planned unit has failed.
   */
  static StepResult healthOf(String host, CommandResult answer, List<String> planned)
      throws EngineException {
    String text = answer.stdoutText();
    int mark = text.lastIndexOf(STATES_MARK + "\n");
    if (mark < 0) {
      throw new EngineException(
          host, "cannot read the state of services: " + answer.stderrText().strip());
    }
    Map<String, String> states = new LinkedHashMap<>();
    for (String line : text.substring(mark + STATES_MARK.length() + 1).lines().toList()) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        states.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    Set<String> units = new LinkedHashSet<>();
    for (DeniedRequest denied : DeniedRequest.parseSpool(text.substring(0, mark)).value()) {
      if (units.add(denied.unit())) {
        states.putIfAbsent(denied.unit(), states.getOrDefault(denied.service(), "unknown"));
      }
    }
    List<String> failed = new ArrayList<>();
    for (String unit : units) {
      String state = states.getOrDefault(unit, "unknown");
      if (!state.equals("active")) {
        failed.add(unit + " is " + state);
      }
    }
    for (String unit : planned) {
      if (!units.contains(unit) && "failed".equals(states.get(unit))) {
        failed.add(unit + " has failed");
      }
    }
    if (!failed.isEmpty()) {
      return new StepResult.Failed(failed.get(0), String.join("\n", failed));
    }
    return units.isEmpty()
        ? new StepResult.Done(false, "no planned service failed")
        : new StepResult.Done(false, "active: " + String.join(" ", units));
  }

  StepResult verify(Session session, HostPlan plan)
      throws TransportException, InterruptedException {
    PrecheckReport report = report(session, plan, "herd-verify");
    journal.recordVersions(run, plan.host(), VersionPhase.AFTER, versions(report.packages(), plan));
    List<String> wrong = new ArrayList<>();
    Map<String, InstalledPackage> byName = new LinkedHashMap<>();
    report.packages().stream()
        .filter(p -> p.state() == null || p.state().isPresent())
        .forEach(p -> byName.putIfAbsent(p.pkg().unqualified().name(), p));
    for (PlannedInstall install : plan.installs()) {
      InstalledPackage now = byName.get(install.pkg().unqualified().name());
      if (now == null) {
        wrong.add(install.pkg() + " is not installed (planned " + install.version() + ")");
      } else if (!now.version().equals(install.version())) {
        wrong.add(install.pkg() + " is at " + now.version() + ", planned " + install.version());
      } else if (now.state() != null && !now.state().isHealthy()) {
        wrong.add(install.pkg() + " is in dpkg state " + now.state());
      }
    }
    for (PlannedRemoval removal : plan.removals()) {
      if (byName.containsKey(removal.pkg().unqualified().name())) {
        wrong.add(removal.pkg() + " is still installed (planned removal)");
      }
    }
    if (!report.audit().isEmpty()) {
      wrong.add("dpkg --audit reports problems: " + String.join(" / ", report.audit()));
    }
    if (!wrong.isEmpty()) {
      return new StepResult.Failed(wrong.get(0), String.join("\n", wrong));
    }
    return new StepResult.Done(
        false, plan.installs().size() + " packages at their planned versions");
  }

  /** Runs {@code precheck.sh} as {@code name} for the plan's packages and parses its report. */
  private static PrecheckReport report(Session session, HostPlan plan, String name)
      throws TransportException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", PRECHECK, name));
    argv.addAll(PlannedNames.packages(plan));
    CommandResult result =
        session.run(RemoteCommand.of(argv), ExecOptions.defaults().withTimeout(SHORT));
    return PrecheckReport.parse(result.stdoutText());
  }

  /** The installed versions of the plan's packages, by name, for the journal. */
  private static Map<String, String> versions(List<InstalledPackage> packages, HostPlan plan) {
    Set<String> planned = new LinkedHashSet<>();
    PlannedNames.packages(plan).forEach(n -> planned.add(n.replaceFirst(":.*", "")));
    Map<String, String> versions = new LinkedHashMap<>();
    for (InstalledPackage p : packages) {
      String name = p.pkg().unqualified().name();
      if (planned.contains(name)
          && p.version() != null
          && (p.state() == null || p.state().isPresent())) {
        versions.put(name, p.version().toString());
      }
    }
    return versions;
  }
}
