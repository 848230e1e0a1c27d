package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.engine.RunLease;
import org.herd.engine.RunOutcome;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd plan} then {@code herd apply} on lab hosts with real packages: exact versions, the
 * service restarted by herd (not by dpkg) exactly once, a failing postinst failing only its host
 * with cleanup done, nothing left behind, and a second run on the same hosts refused.
 */
@ExtendWith(LabExtension.class)
class ApplyLabIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private CliRunner.Result herd(TestLab lab, String... args) {
    List<String> all = new ArrayList<>(List.of("--inventory", lab.inventory().toString()));
    all.addAll(List.of(args));
    return new CliRunner(
            dir,
            Map.of("HOME", dir.toString(), "HERD_JOURNAL", journal().toString()),
            java.time.Clock.systemUTC())
        .run(all.toArray(String[]::new));
  }

  private Path journal() {
    return dir.resolve("journal.db");
  }

  private static int serviceStarts(TestLab lab, LabHost host) {
    return Integer.parseInt(
        lab.sh(
                host,
                "journalctl -q -o cat -u herd-lab-service.service | grep -c '^Started ' || true")
            .strip());
  }

  @Test
  @PristineHosts(2)
  void applyUpgradesExactlyRestartsOnceAndFailsOnlyTheBrokenHost(TestLab lab) throws Exception {
    LabHost good = lab.host(1);
    LabHost broken = lab.host(2);
    try {
      lab.sh(good, "apt-get install -y -q herd-lab-service >/dev/null 2>&1");
      lab.sh(broken, "apt-get install -y -q herd-lab-service herd-lab-failing >/dev/null 2>&1");
      lab.lab().suite(lab.name(), Suite.NEW);
      for (LabHost host : List.of(good, broken)) {
        lab.sh(host, "apt-get update -q >/dev/null");
      }
      int startsBefore = serviceStarts(lab, good);

      String nodes = good.name() + "," + broken.name();
      CliRunner.Result planned = herd(lab, "plan", nodes, "-o", "plan.json");
      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      JsonNode plan = JSON.readTree(Files.readString(dir.resolve("plan.json")));
      List<String> goodPins = new ArrayList<>();
      for (JsonNode host : plan.get("hosts")) {
        if (host.get("host").asText().equals(good.name())) {
          host.get("installs")
              .forEach(i -> goodPins.add(i.get("pkg").asText() + "=" + i.get("version").asText()));
        }
      }
      assertThat(goodPins).contains("herd-lab-service=1.0-2");

      // A run holding these hosts elsewhere (another terminal): apply is refused, nothing done.
      try (Journal other =
              Journal.open(JournalLocation.parse(journal().toString()), Clock.systemUTC());
          RunLease held =
              RunLease.acquire(
                  other,
                  List.of(good.name()),
                  new HolderIdentity("bob", "ops2", 4242, Optional.empty()))) {
        CliRunner.Result refused = herd(lab, "apply", "plan.json");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(refused.err()).contains("host " + good.name() + " is held by bob@ops2 pid=4242");
      }
      assertThat(lab.sh(good, "dpkg-query -W -f '${Version}' herd-lab-service")).isEqualTo("1.0-1");

      CliRunner.Result applied = herd(lab, "apply", "plan.json");
      assertThat(applied.exitCode())
          .as(applied.out() + applied.err())
          .isEqualTo(RunOutcome.FAILED_BIT);

      // The good host: exactly the planned versions, the new service running, restarted once by
      // herd.
      for (String pin : goodPins) {
        String[] parts = pin.split("=", 2);
        assertThat(
                lab.sh(good, "dpkg-query -W -f '${Version} ${db:Status-Abbrev}' " + parts[0])
                    .strip())
            .isEqualTo(parts[1] + " ii");
      }
      assertThat(lab.sh(good, "cat /run/herd-lab-service/version").strip()).isEqualTo("1.0-2");
      assertThat(serviceStarts(lab, good)).isEqualTo(startsBefore + 1);

      // The broken host: failed at install with dpkg's words, cleanup done.
      assertThat(applied.out()).contains(broken.name()).contains("failed at install");
      String runId =
          applied
              .err()
              .lines()
              .filter(l -> l.startsWith("herd: run "))
              .findFirst()
              .orElseThrow()
              .split(" ")[2];
      CliRunner.Result shown = herd(lab, "show", "--json", runId);
      JsonNode steps = JSON.readTree(shown.out()).get("steps");
      List<String> brokenSteps = new ArrayList<>();
      String installOutput = "";
      for (JsonNode step : steps) {
        if (step.get("host").asText().equals(broken.name())) {
          brokenSteps.add(step.get("step").asText() + ":" + step.get("outcome").asText());
          if (step.get("step").asText().equals("install")) {
            installOutput = step.get("output").asText();
          }
        }
      }
      assertThat(brokenSteps)
          .contains("install:failed", "unguard:changed")
          .doesNotContain("verify:ok");
      assertThat(installOutput).contains("herd-lab-failing").contains("exited with status");

      // Nothing left behind: no guard, no lease.
      for (LabHost host : List.of(good, broken)) {
        assertThat(lab.run(host, "test -e /usr/sbin/policy-rc.d").exitCode()).isNotZero();
        assertThat(lab.run(host, "test -e /var/lib/herd/guard").exitCode()).isNotZero();
      }
      try (Journal check =
          Journal.open(JournalLocation.parse(journal().toString()), Clock.systemUTC())) {
        assertThat(check.leases()).isEmpty();
      }
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }
}
