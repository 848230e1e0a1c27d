package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.herd.debian.PackageName;
import org.junit.jupiter.api.Test;

/** Reading the selection probe's output, and the command it runs. */
class SelectionProbeTest {

  @Test
  void unitsAndTheSimulationAreRead() {
    String out =
        "@@units@@\n"
            + "nginx nginx.service\n"
            + "apt apt-daily.service\n"
            + "apt apt-daily-upgrade.service\n"
            + "@@simulate@@\n"
            + "Reading package lists...\n"
            + "Inst nginx [1.22.1-9] (1.22.1-9+deb12u1 Debian-Security:12/bookworm-security [amd64])\n"
            + "Conf nginx (1.22.1-9+deb12u1 Debian-Security:12/bookworm-security [amd64])\n"
            + "@@end 0@@\n";

    SelectionFacts facts = SelectionProbe.parse(out, true, false, null);

    assertThat(facts.problem()).isNull();
    assertThat(facts.serviceUnits().get(PackageName.parse("apt")))
        .containsExactly("apt-daily.service", "apt-daily-upgrade.service");
    assertThat(facts.restricted().installs())
        .extracting(i -> i.pkg().toString())
        .containsExactly("nginx");
  }

  @Test
  void withoutPinsThereIsNoSimulation() {
    SelectionFacts facts =
        SelectionProbe.parse("@@units@@\n@@simulate@@\n@@end 0@@\n", false, false, null);

    assertThat(facts.serviceUnits()).isEmpty();
    assertThat(facts.restricted()).isNull();
  }

  @Test
  void aptErrorsReachThePlanner() {
    String out = "@@units@@\n@@simulate@@\nE: Version '9' for 'nginx' was not found\n@@end 100@@\n";

    assertThat(SelectionProbe.parse(out, true, false, null).restricted().errors())
        .containsExactly("Version '9' for 'nginx' was not found");
  }

  @Test
  void cutOutputIsNoAnswer() {
    SelectionFacts facts =
        SelectionProbe.parse("@@units@@\nnginx nginx.service\n", true, false, null);

    assertThat(facts.problem()).isNotNull();
    assertThat(facts.serviceUnits()).isNull();
  }

  @Test
  void packagesAndPinsAreSeparatedAndQuoted() {
    String line =
        SelectionProbe.command(
                new SelectionProbe.Question(
                    List.of(PackageName.parse("nginx")), List.of("nginx=1.22.1-9+deb12u1")))
            .line();

    assertThat(line).endsWith(" herd-selection nginx -- nginx=1.22.1-9+deb12u1");
  }
}
