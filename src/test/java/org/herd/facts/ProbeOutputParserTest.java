package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.herd.debian.AuditProblem;
import org.herd.debian.ConffileLeftover;
import org.herd.debian.KernelStatus;
import org.herd.debian.PolicyRcd;
import org.herd.debian.RestartReason;
import org.herd.debian.ServicePolicyRule;
import org.herd.debian.SystemdUnit;
import org.herd.facts.DpkgHealth.LockUse;
import org.herd.facts.RestartFacts.StaleProcess;
import org.junit.jupiter.api.Test;

class ProbeOutputParserTest {

  @Test
  void readsTheRootProbeOfTheDevelopmentVm() {
    HostFacts facts = ProbeOutputParser.parse(FactsCaptures.read("devvm-root.txt"));

    assertThat(facts.warnings()).isEmpty();
    assertThat(facts.limitations()).isEmpty();
    assertThat(facts.probe().uid()).isZero();
    assertThat(facts.probe().complete()).isTrue();
    assertThat(facts.probe().tools())
        .contains("timeout", "apt-get", "dpkg-query")
        .doesNotContain("needrestart");
    assertThat(facts.os().id()).isEqualTo("debian");
    assertThat(facts.os().versionId()).isEqualTo("12");
    assertThat(facts.os().codename()).isEqualTo("bookworm");
    assertThat(facts.system().architecture()).isEqualTo("amd64");
    assertThat(facts.system().kernelRelease()).isEqualTo("6.18.44-fc-v782");
    assertThat(facts.system().bootId()).isEqualTo("b6eafd47-699e-4399-b02f-804c398ff350");
    assertThat(facts.system().uptimeSeconds()).isPositive();
    // A firecracker kernel: no linux-image package describes it.
    assertThat(facts.kernel().verdict()).isEqualTo(KernelStatus.Verdict.UNKNOWN);

    assertThat(facts.upgrades().pending()).hasSize(127);
    assertThat(facts.upgrades().securityCount()).isEqualTo(81);
    assertThat(facts.upgrades().newPackages()).isEmpty();
    assertThat(facts.upgrades().removals()).isEmpty();
    assertThat(facts.upgrades().held()).isEmpty();
    assertThat(facts.upgrades().local()).hasSize(18);
    assertThat(facts.upgrades().errors()).isEmpty();
    assertThat(facts.upgrades().pending())
        .filteredOn(u -> u.pkg().name().equals("openssl"))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.installed()).hasToString("3.0.19-1~deb12u2");
              assertThat(u.candidate()).hasToString("3.0.22-1~deb12u2");
              assertThat(u.security()).isTrue();
            });

    assertThat(facts.reboot().required()).isFalse();
    assertThat(facts.dpkg().problems()).isEmpty();
    assertThat(facts.dpkg().locked()).isFalse();
    assertThat(facts.conffileLeftovers()).isEmpty();

    assertThat(facts.restarts().source()).isEqualTo(RestartFacts.Source.PROC_SCAN);
    assertThat(facts.restarts().services()).hasSize(1);
    RestartFacts.UnitRestart none = facts.restarts().services().get(0);
    assertThat(none.kind()).isEqualTo(SystemdUnit.Kind.NONE);
    assertThat(none.processes())
        .extracting(StaleProcess::pid, StaleProcess::reason, StaleProcess::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                28787, RestartReason.DELETED_MAPPING, "/opt/herd-stale/libreplaced.so.1"),
            org.assertj.core.groups.Tuple.tuple(
                28789, RestartReason.DELETED_MAPPING, "/opt/herd-stale/libdeleted.so.1"),
            org.assertj.core.groups.Tuple.tuple(
                28791, RestartReason.DELETED_EXECUTABLE, "/opt/herd-stale/herd-sleeper"),
            org.assertj.core.groups.Tuple.tuple(
                29041, RestartReason.REPLACED_MAPPING, "/opt/herd-stale/libbind.so.1"));
    assertThat(none.processes().get(2).command()).isEqualTo("herd-sleeper");

    assertThat(facts.policy().policyRcd().kind()).isEqualTo(PolicyRcd.Kind.DENY_ALL);
    assertThat(facts.policy().pins()).hasSize(2);
    assertThat(facts.policy().servicePolicies()).isEmpty();
    assertThat(facts.policy().unattendedUpgrades().installed()).isFalse();
    assertThat(facts.policy().unattendedUpgradesEnabled()).isFalse();

    assertThat(facts.packages())
        .extracting(p -> p.pkg().name() + "=" + p.version())
        .containsExactly("libssl3=3.0.19-1~deb12u2", "openssl=3.0.19-1~deb12u2");
    assertThat(facts.packagesNotInstalled()).containsExactly("galera-4");
  }

  @Test
  void reportsWhoHoldsTheDpkgLock() {
    HostFacts facts = ProbeOutputParser.parse(FactsCaptures.read("devvm-root-apt-holds-lock.txt"));

    assertThat(facts.dpkg().locked()).isTrue();
    assertThat(facts.dpkg().locks())
        .containsExactly(
            new LockUse(
                "/var/cache/apt/archives/lock",
                14531,
                "apt-get install needrestart",
                LockUse.Use.HOLDS),
            new LockUse(
                "/var/lib/dpkg/lock", 14531, "apt-get install needrestart", LockUse.Use.HOLDS),
            new LockUse(
                "/var/lib/dpkg/lock-frontend",
                14531,
                "apt-get install needrestart",
                LockUse.Use.HOLDS));
    // The simulation ran although apt held the lock.
    assertThat(facts.upgrades().pending()).hasSize(127);
    assertThat(facts.limitations()).isEmpty();
  }

  @Test
  void aNonRootProbeSaysWhatItCouldNotSee() {
    HostFacts facts = ProbeOutputParser.parse(FactsCaptures.read("devvm-nobody.txt"));

    assertThat(facts.probe().uid()).isEqualTo(65534);
    assertThat(facts.limitations()).singleElement().asString().startsWith("not run as root");
    assertThat(facts.upgrades().pending()).hasSize(127);
    assertThat(facts.restarts().services()).isEmpty();
    assertThat(facts.warnings()).isEmpty();
  }

  /**
   * Hand-written (not captured) output for the facts the VM does not have; lab captures will
   * replace it.
   */
  @Test
  void readsTheFactsALabHostWillHave() {
    String n = "@@herd-ab12 ";
    String output =
        String.join(
            "\n",
            "@@herd-probe 1 ab12@@",
            n + "section probe@@",
            "uid=0",
            n + "end probe 0@@",
            n + "section system@@",
            "kernel-release=6.1.0-18-amd64",
            "kernel-version=#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
            n + "end system 0@@",
            n + "section kernels@@",
            "vmlinuz=6.1.0-18-amd64",
            "vmlinuz=6.1.0-21-amd64",
            "linux-image-6.1.0-18-amd64\tamd64\t6.1.76-1\tii ",
            "linux-image-6.1.0-21-amd64\tamd64\t6.1.90-1\tii ",
            n + "end kernels 0@@",
            n + "section apt-simulate@@",
            "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)",
            n + "end apt-simulate 100@@",
            n + "section reboot@@",
            "required=yes",
            "package=libc6",
            "package=linux-image-6.1.0-21-amd64",
            n + "end reboot 0@@",
            n + "section dpkg-audit@@",
            "The following packages are only half configured, probably due to problems",
            "configuring them the first time.  The configuration should be retried using",
            "dpkg --configure <package> or the configure menu option in dselect:",
            " rabbitmq-server      AMQP server written in Erlang",
            n + "end dpkg-audit 0@@",
            n + "section needrestart@@",
            "NEEDRESTART-VER: 3.6",
            "NEEDRESTART-KCUR: 6.1.0-18-amd64",
            "NEEDRESTART-KEXP: 6.1.0-21-amd64",
            "NEEDRESTART-KSTA: 3",
            "NEEDRESTART-SVC: rabbitmq-server.service",
            "NEEDRESTART-SVC: ssh.service",
            n + "end needrestart 0@@",
            n + "section conffiles@@",
            "/etc/rabbitmq/rabbitmq.conf.dpkg-dist",
            n + "end conffiles 0@@",
            n + "section policy-rc.d@@",
            "present=yes",
            "target=/usr/sbin/policy-rc.d-declarative",
            "executable=yes",
            n + "file /usr/sbin/policy-rc.d@@",
            "#!/usr/bin/perl -w",
            n + "end policy-rc.d 0@@",
            n + "section service-policy@@",
            n + "file /etc/service-policy.d/50-rabbitmq.pol@@",
            "rabbitmq-server\t.*\tdeny",
            n + "file /etc/service-policy.d/99-allow.pol@@",
            ".*\t.*\tallow",
            n + "end service-policy 0@@",
            n + "section apt-preferences@@",
            n + "file /etc/apt/preferences.d/rabbitmq.dpkg-old@@",
            "Package: rabbitmq-server",
            "Pin: version 3.9.*",
            "Pin-Priority: 1001",
            n + "file /etc/apt/preferences.d/rabbitmq@@",
            "Package: rabbitmq-server",
            "Pin: version 3.10.8-1.1",
            "Pin-Priority: 1001",
            n + "end apt-preferences 0@@",
            n + "section unattended-upgrades@@",
            "package=ii 2.9.1+nmu3",
            "timer-enabled=enabled",
            "timer-active=active",
            n + "file apt-config-dump@@",
            "APT::Periodic::Unattended-Upgrade \"1\";",
            "Unattended-Upgrade::Origins-Pattern \"\";",
            "Unattended-Upgrade::Origins-Pattern:: \"origin=Debian,codename=${distro_codename},label=Debian-Security\";",
            n + "end unattended-upgrades 0@@",
            n + "section held@@",
            n + "end held 124@@",
            n + "done@@",
            "");

    HostFacts facts = ProbeOutputParser.parse(output);

    assertThat(facts.kernel().verdict()).isEqualTo(KernelStatus.Verdict.NEWER_KERNEL);
    assertThat(facts.kernel().installed()).containsExactly("6.1.0-18-amd64", "6.1.0-21-amd64");
    assertThat(facts.reboot().required()).isTrue();
    assertThat(facts.reboot().flagFile()).isTrue();
    assertThat(facts.reboot().packages())
        .extracting(p -> p.name())
        .containsExactly("libc6", "linux-image-6.1.0-21-amd64");
    assertThat(facts.upgrades().errors()).hasSize(1);
    assertThat(facts.dpkg().problems())
        .extracting(AuditProblem::kind)
        .containsExactly(AuditProblem.Kind.HALF_CONFIGURED);
    assertThat(facts.restarts().source()).isEqualTo(RestartFacts.Source.NEEDRESTART);
    assertThat(facts.restarts().services())
        .extracting(RestartFacts.UnitRestart::unit)
        .containsExactly("rabbitmq-server.service", "ssh.service");
    assertThat(facts.conffileLeftovers())
        .extracting(ConffileLeftover::kind)
        .containsExactly(ConffileLeftover.Kind.DPKG_DIST);
    assertThat(facts.policy().policyRcd().kind()).isEqualTo(PolicyRcd.Kind.DECLARATIVE);
    assertThat(facts.policy().servicePolicies())
        .extracting(ServicePolicyRule::policy)
        .containsExactly(ServicePolicyRule.Policy.DENY, ServicePolicyRule.Policy.ALLOW);
    assertThat(facts.policy().pins())
        .singleElement()
        .satisfies(p -> assertThat(p.pin()).isEqualTo("version 3.10.8-1.1"));
    assertThat(facts.policy().unattendedUpgradesEnabled()).isTrue();
    assertThat(facts.policy().unattendedUpgrades().originsPatterns()).hasSize(1);
    assertThat(facts.limitations())
        .contains(
            "apt-simulate: apt-get -s failed (exit 100)",
            "held: timed out on the host",
            "locks: not in the probe output");
  }

  @Test
  void neverThrows() {
    for (String garbage :
        List.of(
            "",
            "@@herd-probe 1 x@@",
            "@@herd-probe 1 x@@\n@@herd-x section system@@\nuptime=abc\n",
            "\0")) {
      assertThat(ProbeOutputParser.parse(garbage)).isNotNull();
    }
  }

  @Test
  void roundTripsThroughJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (String capture :
        List.of("devvm-root.txt", "devvm-root-apt-holds-lock.txt", "devvm-nobody.txt")) {
      HostFacts facts = ProbeOutputParser.parse(FactsCaptures.read(capture));

      String text = json.writeValueAsString(facts);

      assertThat(json.readValue(text, HostFacts.class)).isEqualTo(facts);
      assertThat(text).contains("\"candidate\":\"3.0.22-1~deb12u2\"").contains("\"security\":true");
    }
  }

  @Test
  void aGuardWhoseLeaseRanOutByTheHostsClockIsStale() throws Exception {
    String n = "@@herd-cd34 ";
    String output =
        String.join(
            "\n",
            "@@herd-probe 1 cd34@@",
            n + "section probe@@",
            "uid=0",
            "time=2026-12-03T17:00:00Z",
            n + "end probe 0@@",
            n + "section policy-rc.d@@",
            "present=yes",
            "target=/usr/sbin/policy-rc.d",
            "executable=yes",
            n + "file /usr/sbin/policy-rc.d@@",
            "#!/bin/sh",
            "# herd-guard: service guard of herd run 20261203-160000-abc123",
            n + "end policy-rc.d 0@@",
            n + "section herd-guard@@",
            "present=yes",
            "lease=" + java.time.Instant.parse("2026-12-03T16:50:00Z").getEpochSecond(),
            "run=20261203-160000-abc123",
            "pending=pg.service\tnever\t20261201-100000-aaaaaa",
            "spooled=2",
            n + "end herd-guard 0@@",
            n + "done@@",
            "");

    HostFacts facts = ProbeOutputParser.parse(output);

    assertThat(facts.policy().herdGuard())
        .isEqualTo(
            new GuardFacts(
                org.herd.debian.HerdGuard.State.STALE,
                "20261203-160000-abc123",
                "2026-12-03T16:50:00Z",
                2,
                List.of("pg.service (never, run 20261201-100000-aaaaaa)")));
    assertThat(HostState.of(facts).policy())
        .contains(
            "STALE herd guard (run 20261203-160000-abc123, lease ran out 2026-12-03T16:50:00Z)",
            "2 denied restarts pending");
    assertThat(HostState.of(facts).restarts())
        .contains("pg.service (herd: never, run 20261201-100000-aaaaaa)");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readValue(json.writeValueAsString(facts), HostFacts.class)).isEqualTo(facts);
  }
}
