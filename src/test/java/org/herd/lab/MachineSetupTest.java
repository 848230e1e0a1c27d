package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MachineSetupTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "E: Unable to locate package debootstrap | true",
        "E: Package 'systemd-container' has no installation candidate | true",
        "E: Could not get lock /var/lib/dpkg/lock-frontend | false",
        "E: Failed to fetch http://deb.debian.org/debian/pool/main/d/debootstrap.deb | false",
        "'' | false"
      })
  void refreshesTheListsOnlyWhenAptDoesNotKnowAPackage(String stderr, boolean refresh) {
    assertThat(MachineSetup.unknownPackage(stderr)).isEqualTo(refresh);
  }

  @Test
  void missingToolsAreThoseNotOnThePath() {
    Set<String> installed = Set.of("ip", "gpg");
    List<MachineCheck.Tool> wanted =
        List.of(
            new MachineCheck.Tool("ip", "iproute2"),
            new MachineCheck.Tool("debootstrap", "debootstrap"),
            new MachineCheck.Tool("gpg", "gpg"),
            new MachineCheck.Tool("systemd-nspawn", "systemd-container"));

    assertThat(MachineCheck.missing(wanted, installed::contains))
        .extracting(MachineCheck.Tool::pkg)
        .containsExactly("debootstrap", "systemd-container");
  }

  @Test
  void nothingMissingRunsNothing() {
    List<String> said = new java.util.ArrayList<>();

    new MachineSetup(ProcessRunner.standard(), said::add, program -> true).ensureLab();

    assertThat(said).isEmpty();
  }
}
