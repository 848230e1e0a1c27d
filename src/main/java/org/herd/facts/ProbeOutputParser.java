package org.herd.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.herd.debian.AptConf;
import org.herd.debian.AptListParser;
import org.herd.debian.AptPin;
import org.herd.debian.AptPreferencesParser;
import org.herd.debian.AptSimulation;
import org.herd.debian.AptSimulationParser;
import org.herd.debian.AuditProblem;
import org.herd.debian.ConffileLeftover;
import org.herd.debian.DpkgAuditParser;
import org.herd.debian.DpkgQueryParser;
import org.herd.debian.DpkgState;
import org.herd.debian.HerdGuard;
import org.herd.debian.InstalledPackage;
import org.herd.debian.KernelStatus;
import org.herd.debian.OsRelease;
import org.herd.debian.PackageListParser;
import org.herd.debian.PackageName;
import org.herd.debian.Parsed;
import org.herd.debian.PolicyRcd;
import org.herd.debian.ServicePolicyRule;
import org.herd.debian.SimulatedInstall;
import org.herd.debian.UnattendedUpgrades;
import org.herd.facts.ProbeOutput.Section;
import org.herd.facts.UpgradeFacts.PendingUpgrade;

/**
 * Turns the probe's sectioned output into {@link HostFacts}, one section at a time, with the {@code
 * debian} parsers. Never throws: a missing, cut or timed-out section leaves its facts empty and
 * adds a limitation; output a parser did not understand becomes a warning.
 */
public final class ProbeOutputParser {

  private final ProbeOutput out;
  private final List<String> limitations = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private ProbeOutputParser(ProbeOutput out) {
    this.out = out;
  }

  /** Parses a probe's standard output. */
  public static HostFacts parse(String stdout) {
    return new ProbeOutputParser(ProbeOutput.read(stdout)).facts();
  }

  private HostFacts facts() {
    warnings.addAll(out.warnings());
    ProbeInfo probe = probe();
    if (probe.uid() != 0) {
      limitations.add(
          "not run as root: restarts cover only the user's own processes, lock holders' open"
              + " files are not visible");
    }
    SystemFacts system = system();
    KernelFacts kernel = kernel(system);
    InstalledSplit requested = packages();
    return new HostFacts(
        probe,
        parsed("os-release", s -> OsRelease.parse(s.text()), null),
        system,
        kernel,
        upgrades(),
        reboot(kernel),
        restarts(),
        new DpkgHealth(
            parsed("dpkg-audit", s -> DpkgAuditParser.parse(s.text()), List.<AuditProblem>of()),
            parsed("locks", s -> LockReader.read(s.lines()), List.of())),
        parsed("conffiles", s -> ConffileLeftover.parse(s.text()), List.<ConffileLeftover>of()),
        policy(),
        requested.installed(),
        requested.notInstalled(),
        limitations,
        warnings);
  }

  /**
   * The section's parsed value, or {@code fallback} when the section is missing or timed out. The
   * parser's warnings are kept, prefixed with the section name.
   */
  private <T> T parsed(String name, Function<Section, Parsed<T>> parser, T fallback) {
    Section s = section(name);
    if (s == null) {
      return fallback;
    }
    Parsed<T> p = parser.apply(s);
    p.warnings().forEach(w -> warnings.add(name + ": " + w));
    return p.value();
  }

  /** The section, or null with a limitation when it is missing or timed out. */
  private Section section(String name) {
    Section s = out.section(name);
    if (s == null) {
      if (out.protocol() != 0) {
        limitations.add(name + ": not in the probe output");
      }
      return null;
    }
    if (s.timedOut()) {
      limitations.add(name + ": timed out on the host");
      return null;
    }
    if (s.exitCode() == null) {
      limitations.add(name + ": output was cut");
    }
    return s;
  }

  private ProbeInfo probe() {
    Section s = out.section("probe");
    if (s == null) {
      limitations.add("probe: not in the probe output");
      return new ProbeInfo(out.protocol(), -1, null, null, null, List.of(), out.complete());
    }
    String uid = s.value("uid");
    return new ProbeInfo(
        out.protocol(),
        uid != null && uid.matches("\\d{1,9}") ? Integer.parseInt(uid) : -1,
        s.value("user"),
        s.value("hostname"),
        s.value("time"),
        s.values("tool"),
        out.complete());
  }

  private SystemFacts system() {
    Section s = section("system");
    if (s == null) {
      return new SystemFacts(null, List.of(), null, null, null, null, -1);
    }
    String uptime = s.value("uptime");
    double seconds = -1;
    if (uptime != null && uptime.split(" ")[0].matches("\\d{1,12}(\\.\\d+)?")) {
      seconds = Double.parseDouble(uptime.split(" ")[0]);
    }
    return new SystemFacts(
        s.value("architecture"),
        s.values("foreign-architecture"),
        s.value("machine"),
        s.value("kernel-release"),
        s.value("kernel-version"),
        s.value("boot-id"),
        seconds);
  }

  private KernelFacts kernel(SystemFacts system) {
    Section s = section("kernels");
    List<String> boot = s == null ? List.of() : s.values("vmlinuz");
    List<InstalledPackage> images = List.of();
    if (s != null) {
      String dpkg =
          String.join("\n", s.lines().stream().filter(l -> !l.startsWith("vmlinuz=")).toList());
      images = keep("kernels", DpkgQueryParser.parse(dpkg)).packages();
    }
    if (system.kernelRelease() == null) {
      return new KernelFacts(null, null, null, null, KernelStatus.Verdict.UNKNOWN, boot);
    }
    KernelStatus k = KernelStatus.evaluate(system.kernelRelease(), system.kernelVersion(), images);
    return new KernelFacts(
        k.running(), k.runningVersion(), k.newest(), k.newestVersion(), k.verdict(), boot);
  }

  private UpgradeFacts upgrades() {
    AptSimulation sim = parsed("apt-simulate", s -> AptSimulationParser.parse(s.text()), null);
    List<PendingUpgrade> pending = new ArrayList<>();
    List<PendingUpgrade> fresh = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    if (sim != null) {
      for (SimulatedInstall i : sim.installs()) {
        (i.isNew() ? fresh : pending)
            .add(
                new PendingUpgrade(
                    i.pkg(), i.installed(), i.candidate(), i.isSecurity(), i.releases()));
      }
      errors.addAll(sim.errors());
      Integer rc = out.section("apt-simulate").exitCode();
      if (rc != null && rc != 0) {
        limitations.add("apt-simulate: apt-get -s failed (exit " + rc + ")");
      }
    } else {
      // No simulation (timed out, cut off): the pending list is unknown, not empty.
      errors.add("apt-get -s gave no answer, pending upgrades unknown");
    }
    return new UpgradeFacts(
        pending,
        (int) pending.stream().filter(PendingUpgrade::security).count(),
        fresh,
        sim == null ? List.of() : sim.removals(),
        sim == null ? List.of() : sim.keptBack(),
        parsed("held", s -> PackageListParser.parse(s.text()), List.<PackageName>of()),
        parsed("local", s -> AptListParser.parseLocal(s.text()), List.<InstalledPackage>of()),
        errors);
  }

  private RebootFacts reboot(KernelFacts kernel) {
    Section s = section("reboot");
    boolean flag = s != null && "yes".equals(s.value("required"));
    List<PackageName> pkgs =
        s == null
            ? List.of()
            : keep("reboot", PackageListParser.parse(String.join("\n", s.values("package"))));
    return new RebootFacts(flag || kernel.verdict().needsReboot(), flag, pkgs, kernel.verdict());
  }

  private RestartFacts restarts() {
    if (out.section("needrestart") != null) {
      return parsed("needrestart", s -> RestartScanReader.fromNeedrestart(s.text()), unavailable());
    }
    return parsed("restart-scan", s -> RestartScanReader.fromScan(s.lines()), unavailable());
  }

  private static RestartFacts unavailable() {
    return new RestartFacts(RestartFacts.Source.UNAVAILABLE, List.of(), List.of(), List.of());
  }

  private PolicyFacts policy() {
    Section rcd = section("policy-rc.d");
    PolicyRcd policyRcd = null;
    if (rcd != null) {
      String content = rcd.files().values().stream().findFirst().orElse(null);
      policyRcd =
          PolicyRcd.classify("yes".equals(rcd.value("present")), rcd.value("target"), content);
    }
    List<ServicePolicyRule> rules = new ArrayList<>();
    Section pol = section("service-policy");
    if (pol != null) {
      pol.files()
          .forEach(
              (file, text) ->
                  rules.addAll(keep("service-policy", ServicePolicyRule.parse(file, text))));
    }
    List<AptPin> pins = new ArrayList<>();
    Section prefs = section("apt-preferences");
    if (prefs != null) {
      for (Map.Entry<String, String> e : prefs.files().entrySet()) {
        String file = e.getKey();
        if (file.startsWith("/etc/apt/preferences.d/")
            && !AptPreferencesParser.isReadByApt(file.substring(file.lastIndexOf('/') + 1))) {
          continue; // apt ignores it, so must herd
        }
        pins.addAll(keep("apt-preferences", AptPreferencesParser.parse(file, e.getValue())));
      }
    }
    UnattendedUpgrades uu = null;
    Section u = section("unattended-upgrades");
    if (u != null) {
      String pkg = u.value("package");
      DpkgState state =
          pkg == null || pkg.length() < 3 ? null : DpkgState.parse(pkg.substring(0, 3));
      AptConf conf =
          keep("unattended-upgrades", AptConf.parse(u.files().getOrDefault("apt-config-dump", "")));
      uu =
          UnattendedUpgrades.from(
              conf, state != null && state.isPresent(), u.value("timer-enabled"));
    }
    return new PolicyFacts(
        policyRcd, rules, pins, uu, uu != null && uu.enabled(), guard(policyRcd, pol));
  }

  /** herd's guard, classified by the host's clock (the guard script's own boundary). */
  private GuardFacts guard(PolicyRcd policyRcd, Section servicePolicy) {
    // Read quietly: probe outputs recorded before herd read its guard have no such section.
    Section s = out.section("herd-guard");
    Section probe = out.section("probe");
    if (s == null || s.timedOut() || probe == null) {
      return GuardFacts.NONE;
    }
    boolean herdRules =
        servicePolicy != null
            && servicePolicy.files().containsKey("/etc/service-policy.d/00-herd.pol");
    Instant hostTime;
    try {
      hostTime = Instant.parse(String.valueOf(probe.value("time")));
    } catch (java.time.format.DateTimeParseException e) {
      warnings.add("herd-guard: the host's time is unreadable, guard not classified");
      return GuardFacts.NONE;
    }
    int spooled = 0;
    String spool = s.value("spooled");
    if (spool != null && spool.matches("[0-9]{1,9}")) {
      spooled = Integer.parseInt(spool);
    }
    List<String> pending = new ArrayList<>();
    for (String line : s.values("pending")) {
      String[] fields = line.split("\t");
      if (fields.length == 3) {
        pending.add(fields[0] + " (" + fields[1] + ", run " + fields[2] + ")");
      }
    }
    HerdGuard guard =
        HerdGuard.classify(policyRcd, herdRules, s.value("lease"), s.value("run"), hostTime);
    return GuardFacts.of(guard, spooled, pending);
  }

  private <T> T keep(String section, Parsed<T> parsed) {
    parsed.warnings().forEach(w -> warnings.add(section + ": " + w));
    return parsed.value();
  }

  private record InstalledSplit(List<InstalledPackage> installed, List<String> notInstalled) {}

  private InstalledSplit packages() {
    DpkgQueryParser.Result r = parsed("packages", s -> DpkgQueryParser.parse(s.text()), null);
    if (r == null) {
      return new InstalledSplit(List.of(), List.of());
    }
    List<InstalledPackage> installed = new ArrayList<>();
    List<String> notInstalled = new ArrayList<>(r.notFound());
    for (InstalledPackage p : r.packages()) {
      if (p.state().isPresent()) {
        installed.add(p);
      } else {
        notInstalled.add(p.pkg().name());
      }
    }
    return new InstalledSplit(installed, notInstalled);
  }
}
