package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.herd.debian.ServicePolicyRule.Policy;
import org.junit.jupiter.api.Test;

/** Parsers of files read from the host: os-release, preferences, apt.conf, policies, leftovers. */
class HostFilesTest {

  @Test
  void readsOsRelease() {
    Parsed<OsRelease> parsed = OsRelease.parse(Captures.read("devvm/os-release"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value())
        .isEqualTo(
            new OsRelease("debian", "12", "bookworm", "Debian GNU/Linux 12 (bookworm)", null));
    assertThat(parsed.value().isDebianLike()).isTrue();
  }

  @Test
  void readsUbuntuStyleOsReleaseAndKeepsJunkAsWarnings() {
    Parsed<OsRelease> parsed =
        OsRelease.parse(
            "NAME=\"Ubuntu\"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID='24.04'\n"
                + "VERSION_CODENAME=noble\n# comment\nthis is junk\nPRETTY_NAME=\"Ubuntu \\\"Noble\\\"\"\n");

    assertThat(parsed.value())
        .isEqualTo(new OsRelease("ubuntu", "24.04", "noble", "Ubuntu \"Noble\"", "debian"));
    assertThat(parsed.value().isDebianLike()).isTrue();
    assertThat(parsed.warnings()).containsExactly("unexpected os-release line: this is junk");
  }

  @Test
  void readsAptPins() {
    Parsed<List<AptPin>> real =
        AptPreferencesParser.parse(
            "/etc/apt/preferences.d/nodejs", Captures.read("devvm/preferences.d-nodejs"));
    Parsed<List<AptPin>> crafted =
        AptPreferencesParser.parse(
            "/etc/apt/preferences.d/herd",
            "# pinned by puppet\n"
                + "Explanation: keep the cluster on one version\n"
                + "Package: rabbitmq-server erlang-*\n"
                + "Pin: version 3.10.8-1.1\n"
                + "Pin-Priority: 1001\n"
                + "\n"
                + "package: galera-4\n"
                + "pin: release a=bookworm-backports\n"
                + "pin-priority: -1\n"
                + "\n"
                + "Package: broken\n"
                + "Pin-Priority: high\n");

    assertThat(real.value())
        .containsExactly(
            new AptPin(
                "/etc/apt/preferences.d/nodejs",
                List.of("nodejs"),
                "origin deb.nodesource.com",
                600,
                ""));
    assertThat(crafted.value())
        .containsExactly(
            new AptPin(
                "/etc/apt/preferences.d/herd",
                List.of("rabbitmq-server", "erlang-*"),
                "version 3.10.8-1.1",
                1001,
                "keep the cluster on one version"),
            new AptPin(
                "/etc/apt/preferences.d/herd",
                List.of("galera-4"),
                "release a=bookworm-backports",
                -1,
                ""));
    assertThat(crafted.value().get(0).isVersionPin()).isTrue();
    assertThat(crafted.warnings()).hasSize(1);
  }

  @Test
  void knowsWhichPreferencesFilesAptReads() {
    assertThat(AptPreferencesParser.isReadByApt("nodejs")).isTrue();
    assertThat(AptPreferencesParser.isReadByApt("herd.pref")).isTrue();
    assertThat(AptPreferencesParser.isReadByApt("herd.pref.dpkg-old")).isFalse();
    assertThat(AptPreferencesParser.isReadByApt("herd.conf")).isFalse();
    assertThat(AptPreferencesParser.isReadByApt("my pins")).isFalse();
  }

  @Test
  void readsTheStockUnattendedUpgradesFiles() {
    Parsed<AptConf> conf =
        AptConf.parse(
            Captures.read("packages/50unattended-upgrades")
                + Captures.read("packages/20auto-upgrades"));

    assertThat(conf.warnings()).isEmpty();
    UnattendedUpgrades uu = UnattendedUpgrades.from(conf.value(), true, "enabled");
    assertThat(uu.originsPatterns())
        .containsExactly(
            "origin=Debian,codename=${distro_codename},label=Debian",
            "origin=Debian,codename=${distro_codename},label=Debian-Security",
            "origin=Debian,codename=${distro_codename}-security,label=Debian-Security");
    assertThat(uu.periodicUnattendedUpgrade()).isEqualTo("1");
    assertThat(uu.packageBlacklist()).isEmpty();
    assertThat(uu.automaticReboot()).isFalse();
    assertThat(uu.enabled()).isTrue();
  }

  @Test
  void readsAptConfigDumpTheSameWay() {
    AptConf dump = AptConf.parse(Captures.read("sandbox/apt-config-dump-unattended.txt")).value();
    AptConf files =
        AptConf.parse(
                Captures.read("packages/50unattended-upgrades")
                    + Captures.read("packages/20auto-upgrades"))
            .value();

    for (String list :
        List.of("Unattended-Upgrade::Origins-Pattern", "Unattended-Upgrade::Package-Blacklist")) {
      assertThat(dump.list(list)).isEqualTo(files.list(list));
    }
    assertThat(dump.get("apt::periodic::update-package-lists")).isEqualTo("1");
    assertThat(dump.get("Unattended-Upgrade::Origins-Pattern")).isNull();
  }

  @Test
  void unattendedUpgradesIsOffWhenAnyPartIsOff() {
    AptConf on = AptConf.parse(Captures.read("packages/20auto-upgrades")).value();
    AptConf off = AptConf.parse(Captures.read("packages/20auto-upgrades-disabled")).value();

    assertThat(UnattendedUpgrades.from(on, true, "enabled").enabled()).isTrue();
    assertThat(UnattendedUpgrades.from(on, true, null).enabled()).isTrue();
    assertThat(UnattendedUpgrades.from(off, true, "enabled").enabled()).isFalse();
    assertThat(UnattendedUpgrades.from(on, false, "enabled").enabled()).isFalse();
    assertThat(UnattendedUpgrades.from(on, true, "masked").enabled()).isFalse();
    assertThat(UnattendedUpgrades.from(AptConf.parse("").value(), true, "enabled").enabled())
        .isFalse();
  }

  @Test
  void clearAndOverridesApplyInOrder() {
    Parsed<AptConf> conf =
        AptConf.parse(
            "Unattended-Upgrade::Origins-Pattern { \"a\"; \"b\"; };\n"
                + "/* block\n comment */ Unattended-Upgrade::Automatic-Reboot \"true\";\n"
                + "#clear Unattended-Upgrade::Origins-Pattern;\n"
                + "Unattended-Upgrade { Origins-Pattern { \"site=repo.example.org\"; }; };\n"
                + "#include /etc/elsewhere;\n"
                + "APT { Periodic { Unattended-Upgrade \"0\"; }; };\n");

    assertThat(conf.value().list("unattended-upgrade::origins-pattern"))
        .containsExactly("site=repo.example.org");
    assertThat(conf.value().get("Unattended-Upgrade::Automatic-Reboot")).isEqualTo("true");
    assertThat(conf.value().get("APT::Periodic::Unattended-Upgrade")).isEqualTo("0");
    assertThat(conf.warnings()).containsExactly("not followed: #include /etc/elsewhere");
  }

  @Test
  void aptConfNeverThrows() {
    for (String garbage : List.of("{", "}", ";;", "a b c;", "\"unterminated", "a { b", "/* open")) {
      assertThat(AptConf.parse(garbage).value()).isNotNull();
    }
  }

  @Test
  void classifiesPolicyRcd() {
    assertThat(PolicyRcd.classify(false, null, null).kind()).isEqualTo(PolicyRcd.Kind.ABSENT);
    assertThat(
            PolicyRcd.classify(true, "/usr/sbin/policy-rc.d", Captures.read("devvm/policy-rc.d"))
                .kind())
        .isEqualTo(PolicyRcd.Kind.DENY_ALL);
    assertThat(
            PolicyRcd.classify(
                    true,
                    "/usr/sbin/policy-rc.d-declarative",
                    Captures.read("packages/policy-rc.d-declarative.head"))
                .kind())
        .isEqualTo(PolicyRcd.Kind.DECLARATIVE);
    assertThat(
            PolicyRcd.classify(
                    true, "/usr/sbin/policy-rc.d", "#!/bin/sh\n# herd-guard run 42\nexec x\n")
                .kind())
        .isEqualTo(PolicyRcd.Kind.HERD_GUARD);
    assertThat(PolicyRcd.classify(true, "/usr/sbin/policy-rc.d", "#!/bin/sh\nexit 0\n").kind())
        .isEqualTo(PolicyRcd.Kind.OTHER);
    assertThat(
            PolicyRcd.classify(
                    true,
                    "/usr/sbin/policy-rc.d",
                    "#!/bin/sh\n[ \"$1\" = ssh ] && exit 0\nexit 101\n")
                .kind())
        .isEqualTo(PolicyRcd.Kind.OTHER);
    assertThat(PolicyRcd.classify(true, "/usr/sbin/policy-rc.d", null).kind())
        .isEqualTo(PolicyRcd.Kind.OTHER);
  }

  @Test
  void readsServicePolicies() {
    assertThat(
            ServicePolicyRule.parse("99-allow.pol", Captures.read("packages/99-allow.pol")).value())
        .containsExactly(new ServicePolicyRule("99-allow.pol", 3, ".*", ".*", Policy.ALLOW));
    assertThat(
            ServicePolicyRule.parse("99-deny.pol", Captures.read("packages/99-deny.pol")).value())
        .extracting(ServicePolicyRule::policy)
        .containsExactly(Policy.DENY);

    Parsed<List<ServicePolicyRule>> crafted =
        ServicePolicyRule.parse(
            "10-herd.pol",
            "rabbitmq-server\t(re)?start\tdeny # during runs\n"
                + "  indented .* allow\n"
                + "two fields\n"
                + "galera .* maybe\n"
                + "apache2 restart restart-ignore\n");
    assertThat(crafted.value())
        .containsExactly(
            new ServicePolicyRule("10-herd.pol", 1, "rabbitmq-server", "(re)?start", Policy.DENY),
            new ServicePolicyRule("10-herd.pol", 5, "apache2", "restart", Policy.RESTART_IGNORE));
    assertThat(crafted.warnings()).hasSize(3);
  }

  @Test
  void readsConffileLeftovers() {
    Parsed<List<ConffileLeftover>> parsed =
        ConffileLeftover.parse(
            "/etc/ssh/sshd_config.ucf-dist\n/etc/default/grub.dpkg-old\n/etc/x.dpkg-dist\n"
                + "/etc/apt/apt.conf.d/50unattended-upgrades.ucf-old\n/etc/odd.txt\n.dpkg-new\n");

    assertThat(parsed.value())
        .extracting(l -> l.conffile() + " " + l.kind())
        .containsExactly(
            "/etc/ssh/sshd_config UCF_DIST",
            "/etc/default/grub DPKG_OLD",
            "/etc/x DPKG_DIST",
            "/etc/apt/apt.conf.d/50unattended-upgrades UCF_OLD");
    assertThat(parsed.warnings()).hasSize(2);
  }
}
