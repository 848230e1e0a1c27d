package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunState;
import org.herd.journal.RunSummary;
import org.herd.journal.StepOutcome;
import org.herd.journal.StepRecord;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab host's network cut for 20 s while a real {@code herd apply} has dpkg running there: dpkg
 * completes on the host (it runs detached from the SSH session), herd re-attaches and the journal
 * records install as done, once, and the run as succeeded.
 */
@ExtendWith(LabExtension.class)
class ApplyConnectionLossIT {

  @TempDir Path dir;

  private static void link(TestLab lab, LabHost host, String state) throws Exception {
    Process ip =
        new ProcessBuilder("ip", "link", "set", "hv-" + lab.name() + "-" + host.index(), state)
            .redirectErrorStream(true)
            .start();
    String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ip.waitFor()).as(out).isZero();
  }

  @Test
  @PristineHosts(3)
  void aHostCutOffDuringInstallFinishesDpkgAndHerdRecordsIt(TestLab lab) throws Exception {
    LabHost host = lab.host(3);
    Map<String, String> env =
        Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("journal.db").toString());
    String inventory = lab.inventory().toString();
    try {
      lab.sh(host, "apt-get install -y -q herd-lab-service >/dev/null 2>&1");
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(host, "apt-get update -q >/dev/null");
      CliRunner.Result planned =
          new CliRunner(dir, env)
              .run("--inventory", inventory, "plan", host.name(), "-o", "plan.json");
      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      Map<String, String> pins = LabDpkg.pins(dir.resolve("plan.json")).get(host.name());
      assertThat(pins).containsEntry("herd-lab-service", "1.0-2");
      LabDpkg.installHook(lab, host);
      LabDpkg.hold(lab, host);

      int exit;
      try (HerdProcess herd =
          HerdProcess.start(
              dir, env, List.of("--inventory", inventory, "apply", "plan.json", "--json"))) {
        JsonNode install =
            herd.await(
                e ->
                    e.path("event").asText().equals("stepStarted")
                        && e.path("step").asText().equals("install"),
                Duration.ofMinutes(5));
        assertThat(install).as(herd.err()).isNotNull();
        LabDpkg.awaitHeld(lab, host);
        link(lab, host, "down");
        try {
          // The outage herd rides out; dpkg ends in the middle of it, while herd cannot see it.
          Thread.sleep(10_000);
          LabDpkg.release(lab, host);
          Thread.sleep(10_000);
        } finally {
          link(lab, host, "up");
        }
        exit = herd.waitFor(Duration.ofMinutes(10));
        assertThat(exit).as(herd.out() + herd.err()).isZero();
      }

      pins.forEach(
          (pkg, version) ->
              assertThat(
                      lab.sh(host, "dpkg-query -W -f '${Version} ${db:Status-Abbrev}' " + pkg)
                          .strip())
                  .as(pkg)
                  .isEqualTo(version + " ii"));
      assertThat(lab.sh(host, "dpkg --audit").strip()).isEmpty();
      try (Journal journal =
          Journal.open(
              JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC())) {
        RunSummary run = journal.runs().get(0);
        assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
        List<StepRecord> installs =
            journal.steps(run.id()).stream().filter(s -> s.step().equals("install")).toList();
        assertThat(installs).hasSize(1);
        assertThat(installs.get(0).outcome()).contains(StepOutcome.CHANGED);
        assertThat(installs.get(0).output()).contains("herd-lab-service");
      }
    } finally {
      link(lab, host, "up");
      LabDpkg.removeHook(lab, host);
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }
}
