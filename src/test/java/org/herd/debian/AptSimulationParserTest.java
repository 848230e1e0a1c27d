package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AptSimulationParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // capture                                     | installs | upgrades | security | new |
        // removals | kept back
        "devvm/apt-get-s-dist-upgrade.stale-lists.txt | 97 | 97 | 0 | 0 | 0 | 0",
        "devvm/apt-get-s-dist-upgrade.txt              | 127 | 127 | 81 | 0 | 0 | 0",
        "sandbox/apt-get-s-dist-upgrade.txt            | 5 | 4 | 3 | 1 | 1 | 1",
        "sandbox/apt-get-s-purge.txt                   | 0 | 0 | 0 | 0 | 1 | 0",
      })
  void readsCapturedSimulations(
      String capture, int installs, int upgrades, int security, int fresh, int removals, int kept) {
    Parsed<AptSimulation> parsed = AptSimulationParser.parse(Captures.read(capture));

    assertThat(parsed.warnings()).isEmpty();
    AptSimulation sim = parsed.value();
    assertThat(sim.installs()).hasSize(installs);
    assertThat(sim.upgrades()).hasSize(upgrades);
    assertThat(sim.securityUpgrades()).hasSize(security);
    assertThat(sim.newPackages()).hasSize(fresh);
    assertThat(sim.removals()).hasSize(removals);
    assertThat(sim.keptBack()).hasSize(kept);
    assertThat(sim.errors()).isEmpty();
  }

  @Test
  void readsVersionsAndOriginsOfEachCandidate() {
    AptSimulation sim =
        AptSimulationParser.parse(Captures.read("sandbox/apt-get-s-dist-upgrade.txt")).value();

    SimulatedInstall galera = sim.installs().get(0);
    assertThat(galera.pkg()).isEqualTo(PackageName.parse("galera-4"));
    assertThat(galera.installed()).hasToString("26.4.14-0+deb12u1");
    assertThat(galera.candidate()).hasToString("26.4.20-0+deb12u1");
    assertThat(galera.architecture()).isEqualTo("amd64");
    assertThat(galera.releases())
        .containsExactly(
            new AptRelease("Debian", "12.12", "stable", "Debian:12.12/stable"),
            new AptRelease(
                "Debian-Security", "12", "stable-security", "Debian-Security:12/stable-security"));
    assertThat(galera.isSecurity()).isTrue();

    SimulatedInstall tzdata = sim.installs().get(4);
    assertThat(tzdata.pkg().name()).isEqualTo("tzdata");
    assertThat(tzdata.isSecurity()).isFalse();
    assertThat(tzdata.architecture()).isEqualTo("all");

    SimulatedInstall legacy = sim.newPackages().get(0);
    assertThat(legacy.pkg().name()).isEqualTo("tzdata-legacy");
    assertThat(legacy.installed()).isNull();

    assertThat(sim.removals())
        .containsExactly(
            new SimulatedRemoval(
                PackageName.parse("oldtool"), DebianVersion.parse("1:0.9~rc1-2"), false));
    assertThat(sim.keptBack()).containsExactly("rabbitmq-server");
    assertThat(sim.notUpgraded()).isEqualTo(1);
  }

  @Test
  void readsPurgesAndTheirMarkers() {
    AptSimulation sim =
        AptSimulationParser.parse(Captures.read("sandbox/apt-get-s-purge.txt")).value();

    assertThat(sim.removals()).extracting(SimulatedRemoval::purge).containsExactly(true);
    assertThat(sim.notUpgraded()).isEqualTo(5);
  }

  @Test
  void securityComesFromTheLabelOrTheSuite() {
    assertThat(AptRelease.parse("Debian-Security:12/oldstable-security").isSecurity()).isTrue();
    assertThat(AptRelease.parse("Ubuntu:24.04/noble-security").isSecurity()).isTrue();
    assertThat(AptRelease.parse("Debian-Security:bookworm").isSecurity()).isTrue();
    assertThat(AptRelease.parse("Debian:12.15/oldstable").isSecurity()).isFalse();
    assertThat(AptRelease.parse("localhost").isSecurity()).isFalse();
    assertThat(AptRelease.parse("security.example.org").isSecurity()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Debian:12.15/oldstable | Debian | 12.15 | oldstable",
        "Debian-Security:12/oldstable-security | Debian-Security | 12 | oldstable-security",
        "PPA for PHP:22.04/jammy | PPA for PHP | 22.04 | jammy",
        "12/stable | | 12 | stable",
        "Debian:stable | Debian | | stable",
        "localhost | | | localhost",
      })
  void readsEveryShapeOfRelease(String text, String label, String version, String archive) {
    assertThat(AptRelease.parse(text)).isEqualTo(new AptRelease(label, version, archive, text));
  }

  @Test
  void keepsOddLinesAsWarningsAndErrorsAsErrors() {
    String output =
        String.join(
            "\n",
            "Reading package lists...",
            "Inst libc6:i386 [2.36-9] (2.36-9+deb12u10 Debian:12.12/stable [i386])",
            "Inst foo [1.0] (2.0 localhost [amd64])",
            "Inst bar (1.0 [amd64])",
            "Inst broken [1.0 (2.0",
            "Inst bad$name [1.0] (2.0 Debian:12/stable [amd64])",
            "Remv ghost",
            "something apt never says",
            "W: Some index files failed to download.",
            "E: Unable to correct problems, you have held broken packages.",
            "");

    Parsed<AptSimulation> parsed = AptSimulationParser.parse(output);

    List<SimulatedInstall> installs = parsed.value().installs();
    assertThat(installs)
        .extracting(i -> i.pkg().toString())
        .containsExactly("libc6:i386", "foo", "bar");
    assertThat(installs.get(1).releases())
        .containsExactly(new AptRelease(null, null, "localhost", "localhost"));
    assertThat(installs.get(2).releases()).isEmpty();
    assertThat(parsed.value().removals())
        .containsExactly(new SimulatedRemoval(PackageName.parse("ghost"), null, false));
    assertThat(parsed.value().errors())
        .containsExactly("Unable to correct problems, you have held broken packages.");
    assertThat(parsed.value().notices()).hasSize(1);
    assertThat(parsed.warnings())
        .containsExactly(
            "unreadable Inst line: Inst broken [1.0 (2.0",
            "invalid package name or version in: Inst bad$name [1.0] (2.0 Debian:12/stable [amd64])",
            "unexpected line: something apt never says");
  }

  @Test
  void neverThrowsOnGarbage() {
    for (String garbage :
        List.of("", "\n\n", "Inst", "Inst  ", "Remv [", "  ", "Conf x", "\0\u00ff")) {
      assertThat(AptSimulationParser.parse(garbage).value().installs()).isEmpty();
    }
  }
}
