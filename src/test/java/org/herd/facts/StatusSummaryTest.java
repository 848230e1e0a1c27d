package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herd.debian.AptPin;
import org.herd.debian.AuditProblem;
import org.herd.debian.DebianVersion;
import org.herd.debian.DpkgState;
import org.herd.debian.InstalledPackage;
import org.herd.debian.KernelStatus;
import org.herd.debian.OsRelease;
import org.herd.debian.PackageName;
import org.herd.debian.PolicyRcd;
import org.herd.facts.UpgradeFacts.PendingUpgrade;
import org.herd.nodeset.NodeSet;
import org.junit.jupiter.api.Test;

/** Folding hosts by state, the state's fingerprint, and cluster version skew, on built facts. */
class StatusSummaryTest {

  private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

  /** A host in a plain state: Debian 12, nothing pending, nothing wrong. */
  private static HostFacts host(String name, String bootId, double uptime) {
    return new HostFacts(
        new ProbeInfo(
            1,
            0,
            "root",
            name,
            "2026-11-25T12:00:0" + (int) uptime % 10 + "Z",
            List.of("apt-get"),
            true),
        new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", null),
        new SystemFacts("amd64", List.of(), "x86_64", "6.1.0-18-amd64", "#1 SMP", bootId, uptime),
        null,
        new UpgradeFacts(
            List.of(), 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
        new RebootFacts(false, false, List.of(), KernelStatus.Verdict.CURRENT),
        new RestartFacts(RestartFacts.Source.PROC_SCAN, List.of(), List.of(), List.of()),
        new DpkgHealth(List.of(), List.of()),
        List.of(),
        new PolicyFacts(
            new PolicyRcd(PolicyRcd.Kind.ABSENT, null), List.of(), List.of(), null, false),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static HostFacts withPending(
      HostFacts f, String pkg, String from, String to, boolean security) {
    List<PendingUpgrade> pending = new ArrayList<>(f.upgrades().pending());
    pending.add(
        new PendingUpgrade(
            PackageName.parse(pkg),
            DebianVersion.parse(from),
            DebianVersion.parse(to),
            security,
            List.of()));
    UpgradeFacts u = f.upgrades();
    int security2 = (int) pending.stream().filter(PendingUpgrade::security).count();
    return new HostFacts(
        f.probe(),
        f.os(),
        f.system(),
        f.kernel(),
        new UpgradeFacts(
            pending,
            security2,
            u.newPackages(),
            u.removals(),
            u.keptBack(),
            u.held(),
            u.local(),
            u.errors()),
        f.reboot(),
        f.restarts(),
        f.dpkg(),
        f.conffileLeftovers(),
        f.policy(),
        f.packages(),
        f.packagesNotInstalled(),
        f.limitations(),
        f.warnings());
  }

  private static HostFacts withPackage(HostFacts f, String pkg, String version) {
    List<InstalledPackage> packages = new ArrayList<>(f.packages());
    packages.add(
        new InstalledPackage(
            PackageName.parse(pkg), "amd64", DebianVersion.parse(version), (DpkgState) null));
    return new HostFacts(
        f.probe(),
        f.os(),
        f.system(),
        f.kernel(),
        f.upgrades(),
        f.reboot(),
        f.restarts(),
        f.dpkg(),
        f.conffileLeftovers(),
        f.policy(),
        packages,
        f.packagesNotInstalled(),
        f.limitations(),
        f.warnings());
  }

  private static HostFacts withRestart(HostFacts f, String unit, int pid) {
    RestartFacts r =
        new RestartFacts(
            RestartFacts.Source.PROC_SCAN,
            List.of(
                new RestartFacts.UnitRestart(
                    unit,
                    null,
                    List.of(
                        new RestartFacts.StaleProcess(
                            pid, "sshd", "/usr/sbin/sshd", null, "/lib/libc.so.6")))),
            List.of(),
            List.of());
    return new HostFacts(
        f.probe(),
        f.os(),
        f.system(),
        f.kernel(),
        f.upgrades(),
        f.reboot(),
        r,
        f.dpkg(),
        f.conffileLeftovers(),
        f.policy(),
        f.packages(),
        f.packagesNotInstalled(),
        f.limitations(),
        f.warnings());
  }

  private static ProbedHost probed(String name, HostFacts facts) {
    return new ProbedHost.Probed(name, AT, facts);
  }

  @Test
  void hostsDifferingOnlyInVolatileFieldsFoldIntoOneRow() {
    StatusSummary summary =
        StatusSummary.of(
            List.of(
                probed("n1", withRestart(host("n1", "boot-a", 100), "ssh.service", 101)),
                probed("n2", withRestart(host("n2", "boot-b", 2000), "ssh.service", 977)),
                probed("n3", withRestart(host("n3", "boot-c", 5), "ssh.service", 4242))),
            List.of());

    assertThat(summary.rows()).hasSize(1);
    assertThat(summary.rows().get(0).hosts().fold()).isEqualTo("n[1-3]");
    assertThat(summary.rows().get(0).state().restarts()).containsExactly("ssh.service");
    assertThat(summary.allProbed()).isTrue();
  }

  @Test
  void differentPendingUpgradesMakeDifferentRowsLargestFirst() {
    HostFacts plain = host("x", "b", 1);
    HostFacts behind = withPending(plain, "openssl", "3.0.11-1~deb12u1", "3.0.11-1~deb12u2", true);
    StatusSummary summary =
        StatusSummary.of(
            List.of(
                probed("web1", behind),
                probed("web2", plain),
                probed("web3", behind),
                probed("web4", behind)),
            List.of());

    assertThat(summary.rows())
        .extracting(r -> r.hosts().fold())
        .containsExactly("web[1,3-4]", "web2");
    HostState first = summary.rows().get(0).state();
    assertThat(first.pending())
        .containsExactly("openssl 3.0.11-1~deb12u1 -> 3.0.11-1~deb12u2 [security]");
    assertThat(first.securityCount()).isEqualTo(1);
    assertThat(summary.rows().get(1).state().pending()).isEmpty();
  }

  @Test
  void theFingerprintHoldsEveryShownColumn() {
    HostFacts base = host("h", "b", 1);
    HostFacts reboot =
        new HostFacts(
            base.probe(),
            base.os(),
            base.system(),
            base.kernel(),
            base.upgrades(),
            new RebootFacts(true, true, List.of(), KernelStatus.Verdict.NEWER_KERNEL),
            base.restarts(),
            base.dpkg(),
            base.conffileLeftovers(),
            base.policy(),
            base.packages(),
            base.packagesNotInstalled(),
            base.limitations(),
            base.warnings());
    HostFacts broken =
        new HostFacts(
            base.probe(),
            base.os(),
            base.system(),
            base.kernel(),
            base.upgrades(),
            base.reboot(),
            base.restarts(),
            new DpkgHealth(
                List.of(
                    new AuditProblem(PackageName.parse("foo"), AuditProblem.Kind.HALF_CONFIGURED)),
                List.of()),
            base.conffileLeftovers(),
            base.policy(),
            base.packages(),
            base.packagesNotInstalled(),
            base.limitations(),
            base.warnings());
    HostFacts pinned =
        new HostFacts(
            base.probe(),
            base.os(),
            base.system(),
            base.kernel(),
            base.upgrades(),
            base.reboot(),
            base.restarts(),
            base.dpkg(),
            base.conffileLeftovers(),
            new PolicyFacts(
                new PolicyRcd(PolicyRcd.Kind.DENY_ALL, "/usr/sbin/policy-rc.d"),
                List.of(),
                List.of(
                    new AptPin(
                        "/etc/apt/preferences.d/pg",
                        List.of("postgresql-15"),
                        "version 15.5*",
                        1001,
                        "")),
                null,
                false),
            base.packages(),
            base.packagesNotInstalled(),
            base.limitations(),
            base.warnings());
    HostFacts trixie =
        new HostFacts(
            base.probe(),
            new OsRelease("debian", "13", "trixie", "Debian GNU/Linux 13 (trixie)", null),
            base.system(),
            base.kernel(),
            base.upgrades(),
            base.reboot(),
            base.restarts(),
            base.dpkg(),
            base.conffileLeftovers(),
            base.policy(),
            base.packages(),
            base.packagesNotInstalled(),
            base.limitations(),
            base.warnings());

    record Case(HostFacts facts, String what) {}
    for (Case c :
        List.of(
            new Case(reboot, "reboot"),
            new Case(broken, "dpkg"),
            new Case(pinned, "policy"),
            new Case(trixie, "os"))) {
      assertThat(HostState.of(c.facts())).as(c.what()).isNotEqualTo(HostState.of(base));
    }
    assertThat(HostState.of(reboot).reboot()).containsExactly("flag", "kernel");
    assertThat(HostState.of(broken).dpkgProblems()).containsExactly("foo half_configured");
    assertThat(HostState.of(pinned).policy()).containsExactly("policy-rc.d:deny-all", "1 pin");
    assertThat(HostState.of(trixie).os()).isEqualTo("debian 13 (trixie)");
    assertThat(HostState.of(base).os()).isEqualTo("debian 12 (bookworm)");
  }

  @Test
  void clusterMembersWithDifferentVersionsAreASkew() {
    ClusterPackages pg =
        new ClusterPackages(
            "pg",
            NodeSet.parse("db[1-3]"),
            List.of(PackageName.parse("postgresql-15"), PackageName.parse("patroni")));
    StatusSummary summary =
        StatusSummary.of(
            List.of(
                probed(
                    "db1",
                    withPackage(
                        withPackage(host("db1", "a", 1), "postgresql-15", "15.5-0+deb12u1"),
                        "patroni",
                        "3.0.2-1")),
                probed(
                    "db2",
                    withPackage(
                        withPackage(host("db2", "b", 1), "postgresql-15", "15.6-0+deb12u1"),
                        "patroni",
                        "3.0.2-1")),
                new ProbedHost.NotProbed("db3", "connection refused")),
            List.of(pg));

    assertThat(summary.clusters()).hasSize(2);
    StatusSummary.ClusterVersions postgres = summary.clusters().get(0);
    assertThat(postgres.skew()).isTrue();
    assertThat(postgres.versions())
        .containsExactly(
            Map.entry("15.5-0+deb12u1", NodeSet.parse("db1")),
            Map.entry("15.6-0+deb12u1", NodeSet.parse("db2")));
    StatusSummary.ClusterVersions patroni = summary.clusters().get(1);
    assertThat(patroni.skew()).isFalse();
    assertThat(patroni.versions()).containsExactly(Map.entry("3.0.2-1", NodeSet.parse("db[1-2]")));
    // Cluster packages do not split rows: they are compared per cluster instead.
    assertThat(summary.rows()).hasSize(1);
  }

  @Test
  void aMemberWithoutThePackageIsASkewToo() {
    ClusterPackages c =
        new ClusterPackages("c", NodeSet.parse("n[1-2]"), List.of(PackageName.parse("etcd")));
    StatusSummary summary =
        StatusSummary.of(
            List.of(
                probed("n1", withPackage(host("n1", "a", 1), "etcd", "3.4.23-4")),
                probed("n2", host("n2", "b", 1))),
            List.of(c));

    assertThat(summary.clusters().get(0).versions())
        .containsEntry(StatusSummary.NOT_INSTALLED, NodeSet.parse("n2"));
    assertThat(summary.clusters().get(0).skew()).isTrue();
  }

  @Test
  void unprobedHostsAreFoldedByReason() {
    StatusSummary summary =
        StatusSummary.of(
            List.of(
                new ProbedHost.NotProbed("n4", "connection refused"),
                new ProbedHost.NotProbed("n6", "connection refused"),
                new ProbedHost.NotProbed("n5", "connection refused"),
                new ProbedHost.NotProbed("n9", "timed out"),
                probed("n1", host("n1", "a", 1))),
            List.of());

    assertThat(summary.unprobed())
        .extracting(u -> u.hosts().fold() + " (" + u.reason() + ")")
        .containsExactly("n[4-6] (connection refused)", "n9 (timed out)");
    assertThat(summary.allProbed()).isFalse();
    assertThat(summary.rows()).hasSize(1);
  }
}
