package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The lab's hosts are real Debian hosts: systemd, sshd, names, and the lab repository. */
@ExtendWith(LabExtension.class)
class LabIT {

  @Test
  void everyHostBootedWithSystemdUnderItsOwnName(TestLab lab) {
    for (LabHost host : lab.hosts()) {
      String state = lab.run(host, "systemctl is-system-running").stdout().strip();
      assertThat(state).as(host.name()).isIn("running", "degraded");
      assertThat(lab.sh(host, "hostname").strip()).isEqualTo(host.name());
      assertThat(lab.sh(host, "cat /proc/1/comm").strip()).isEqualTo("systemd");
    }
    assertThat(lab.lab().status(lab.name()).hosts())
        .extracting(LabStatus.HostStatus::state)
        .allMatch(s -> s.equals("running") || s.equals("degraded"));
  }

  @Test
  void sshWithTheLabsConfigReachesEveryHostWithStrictHostKeys(TestLab lab) {
    ProcessRunner runner = ProcessRunner.standard();
    for (LabHost host : lab.hosts()) {
      ProcessRunner.Result result =
          runner.run(
              List.of("ssh", "-F", lab.sshConfig().toString(), host.name(), "hostname"),
              null,
              null,
              Duration.ofSeconds(60));
      assertThat(result.exitCode()).as(result.describe()).isZero();
      assertThat(result.stdout().strip()).isEqualTo(host.name());
    }
  }

  @Test
  void hostsKnowEachOtherByNameAndReachEachOther(TestLab lab) {
    LabHost first = lab.host(1);
    LabHost last = lab.host(lab.hosts().size());
    assertThat(lab.sh(first, "getent hosts " + last.name()))
        .startsWith(last.address() + " ")
        .contains(last.name());
    assertThat(lab.sh(first, "bash -c 'exec 3<>/dev/tcp/" + last.name() + "/22; head -c 7 <&3'"))
        .isEqualTo("SSH-2.0");
  }

  @Test
  void theSignedLabRepositoryIsTheOnlyPackageSource(TestLab lab) {
    LabHost host = lab.host(1);
    String policy = lab.sh(host, "apt-cache policy");
    assertThat(policy)
        .contains("o=Debian,a=bookworm,n=bookworm,l=Debian,c=main")
        .doesNotContain("deb.debian.org");
    assertThat(
            lab.sh(
                host,
                "cat /etc/apt/sources.list.d/*.sources; ls /etc/apt/sources.list 2>&1 || true"))
        .contains("Signed-By: /etc/apt/keyrings/herd-lab.asc")
        .doesNotContainIgnoringCase("trusted=yes");
    String update = lab.sh(host, "apt-get update 2>&1");
    assertThat(update).doesNotContain("W:").doesNotContain("E:");
  }

  @Test
  void aTamperedIndexIsRejectedLikeOnAnyRealMirror(TestLab lab) {
    LabHost host = lab.host(1);
    // A second source with the lab's URL but a key the repository was not signed with.
    ProcessRunner.Result result =
        lab.run(
            host,
            "set -e; d=$(mktemp -d); cp /etc/apt/sources.list.d/herd-lab.sources $d/s.sources;"
                + " sed -i 's|Signed-By: .*|Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg|'"
                + " $d/s.sources;"
                + " apt-get update -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$d"
                + " -o Dir::State::Lists=$d 2>&1; rm -rf $d");
    assertThat(result.stdout()).contains("NO_PUBKEY");
  }

  @Test
  @PristineHosts(2)
  void newSuiteOffersUpgradesThatRunDebiansOwnMaintainerScripts(TestLab lab) {
    LabHost host = lab.host(2);
    lab.sh(host, "apt-get install -y -q herd-lab-service etcd-client >/dev/null");
    assertThat(lab.sh(host, "cat /run/herd-lab-service/version").strip()).isEqualTo(Fixtures.OLD);
    String etcdOld = lab.lab().catalog(lab.name()).oldVersion("etcd-client").orElseThrow();
    try {
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(host, "apt-get update -q >/dev/null");
      assertThat(lab.sh(host, "apt-cache policy etcd-client | sed -n 's/ *Candidate: //p'").strip())
          .isEqualTo(etcdOld + Reversioner.SUFFIX);
      lab.sh(host, "apt-get install -y -q herd-lab-service etcd-client >/dev/null");
      assertThat(lab.sh(host, "dpkg-query -W -f '${Version}' etcd-client"))
          .isEqualTo(etcdOld + Reversioner.SUFFIX);
      // The postinst restarted the service through deb-systemd-invoke: the new one runs.
      assertThat(lab.sh(host, "cat /run/herd-lab-service/version").strip()).isEqualTo(Fixtures.NEW);
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }

  @Test
  @PristineHosts(3)
  void fixturesBehaveAsTheirNamesSay(TestLab lab) {
    LabHost host = lab.host(3);
    lab.sh(
        host,
        "apt-get install -y -q herd-lab-conffile herd-lab-failing herd-lab-reboot"
            + " herd-lab-libuser herd-lab-security >/dev/null;"
            + " echo '# changed by the admin' >> /etc/herd-lab/conffile.conf");
    try {
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(host, "apt-get update -q >/dev/null");
      assertThat(lab.sh(host, "apt-cache policy herd-lab-security"))
          .contains(Fixtures.securityVersion(Release.BOOKWORM))
          .contains("bookworm-security/main");
      assertThat(lab.sh(host, "apt-cache policy"))
          .contains("o=Debian,a=bookworm-security,n=bookworm-security,l=Debian-Security,c=main");
      lab.sh(
          host,
          "apt-get install -y -q -o Dpkg::Options::=--force-confdef"
              + " -o Dpkg::Options::=--force-confold"
              + " herd-lab-conffile herd-lab-reboot libherdlab0 herd-lab-security >/dev/null");
      assertThat(lab.sh(host, "ls /etc/herd-lab")).contains("conffile.conf.dpkg-dist");
      assertThat(lab.sh(host, "cat /etc/herd-lab/conffile.conf")).contains("changed by the admin");
      assertThat(lab.sh(host, "cat /run/reboot-required.pkgs")).contains("herd-lab-reboot");
      String pid = lab.sh(host, "systemctl show -p MainPID --value herd-lab-libuser").strip();
      assertThat(lab.sh(host, "cat /proc/" + pid + "/maps"))
          .contains(Fixtures.LIBRARY + " (deleted)");
      ProcessRunner.Result failing = lab.run(host, "apt-get install -y -q herd-lab-failing 2>&1");
      assertThat(failing.exitCode()).isNotZero();
      assertThat(failing.stdout()).contains("this postinst fails on purpose");
      assertThat(lab.sh(host, "dpkg-query -W -f '${db:Status-Abbrev}' herd-lab-failing"))
          .startsWith("iF");
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }

  @Test
  void publishedPackagesReachTheHosts(TestLab lab, @TempDir Path tmp) {
    Path deb =
        new DebBuilder(ProcessRunner.standard())
            .build(
                new DebSpec(
                    "herd-it-published",
                    "2.0-1",
                    "all",
                    Map.of("Description", "published by LabIT\n test package"),
                    List.of(DebSpec.File.text("/usr/share/herd-it-published/hello", "hello\n")),
                    Map.of(),
                    List.of()),
                tmp);
    assertThat(Files.isRegularFile(deb)).isTrue();
    lab.lab().publish(lab.name(), List.of(deb));
    LabHost host = lab.host(1);
    lab.sh(host, "apt-get update -q >/dev/null");
    assertThat(lab.sh(host, "apt-cache policy herd-it-published")).contains("Candidate: 2.0-1");
  }

  @Test
  @PristineHosts({1, 2, 3}) // earlier tests may have formed (and broken) other clusters on them
  void etcdFormsAHealthyThreeMemberCluster(TestLab lab) {
    ClusterReport report = lab.lab().cluster(lab.name(), ClusterKind.ETCD, List.of());
    assertThat(report.members()).hasSize(3);
    assertThat(report.health().lines().filter(l -> l.contains("is healthy"))).hasSize(3);
    // The members run the old version: the new one is left for herd to roll out.
    String old = lab.lab().catalog(lab.name()).oldVersion("etcd-server").orElseThrow();
    for (LabHost host : lab.hosts().subList(0, 3)) {
      assertThat(lab.sh(host, "dpkg-query -W -f '${Version}' etcd-server")).isEqualTo(old);
      assertThat(lab.sh(host, "systemctl is-active etcd").strip()).isEqualTo("active");
    }
  }
}
