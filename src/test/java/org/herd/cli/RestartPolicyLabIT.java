package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart policy on lab hosts: with {@code restart: never} herd leaves the upgraded service on
 * its old code, and the run ({@code herd show}) and {@code herd status} report the restart pending;
 * with {@code restart: after-run} herd restarts it once every host finished, and nothing stays
 * pending.
 */
@ExtendWith(LabExtension.class)
class RestartPolicyLabIT {

  private static final String SERVICE = "herd-lab-service";

  @TempDir Path dir;

  private CliRunner.Result herd(Path inventory, String... args) {
    List<String> all = new ArrayList<>(List.of("--inventory", inventory.toString()));
    all.addAll(List.of(args));
    return new CliRunner(
            dir,
            Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("journal.db").toString()))
        .run(all.toArray(String[]::new));
  }

  /** The lab's inventory with {@code vars} added to a host. */
  private Path inventoryWith(TestLab lab, Map<LabHost, String> vars) throws Exception {
    List<String> lines = new ArrayList<>();
    String host = null;
    for (String line : Files.readAllLines(lab.inventory())) {
      lines.add(line);
      if (line.startsWith("  ") && !line.startsWith("    ") && line.endsWith(":")) {
        host = line.strip().replace(":", "");
      }
      if (line.startsWith("    address: ")) {
        for (Map.Entry<LabHost, String> entry : vars.entrySet()) {
          if (entry.getKey().name().equals(host)) {
            lines.add("    vars: " + entry.getValue());
          }
        }
      }
    }
    Path inventory = dir.resolve("herd.yaml");
    Files.write(inventory, lines);
    return inventory;
  }

  @Test
  @PristineHosts({1, 2})
  void neverLeavesTheServiceOnItsOldCodeReportedPendingAfterRunRestartsItAtTheEnd(TestLab lab)
      throws Exception {
    LabHost never = lab.host(1);
    LabHost afterRun = lab.host(2);
    try {
      for (LabHost host : List.of(never, afterRun)) {
        lab.sh(host, "apt-get install -y -q " + SERVICE + " >/dev/null 2>&1");
      }
      lab.lab().suite(lab.name(), Suite.NEW);
      for (LabHost host : List.of(never, afterRun)) {
        lab.sh(host, "apt-get update -q >/dev/null");
      }
      Path inventory =
          inventoryWith(
              lab,
              Map.of(
                  never,
                  "{restart_services: {" + SERVICE + ": never}}",
                  afterRun,
                  "{restart: {security: now, regular: after-run}}"));
      String nodes = never.name() + "," + afterRun.name();

      CliRunner.Result planned = herd(inventory, "plan", nodes, "-o", "plan.json");
      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      // A real herd process, on the real clock: the guard's lease is set by herd's clock and
      // judged by the host's, so CliRunner's fixed clock would leave an expired guard.
      CliRunner.Result applied;
      try (HerdProcess herd =
          HerdProcess.start(
              dir,
              Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("journal.db").toString()),
              List.of("--inventory", inventory.toString(), "apply", "plan.json"))) {
        int exit = herd.waitFor(java.time.Duration.ofMinutes(10));
        applied = new CliRunner.Result(exit, herd.out(), herd.err());
      }
      assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();

      String runId =
          applied
              .err()
              .lines()
              .filter(l -> l.startsWith("herd: run "))
              .findFirst()
              .orElseThrow()
              .split(" ")[2];
      CliRunner.Result shown = herd(inventory, "show", runId);
      CliRunner.Result steps = herd(inventory, "show", "--json", runId);
      String why =
          Files.readString(inventory)
              + "\n"
              + applied.out()
              + applied.err()
              + shown.out()
              + steps.out();

      // never: the new version is installed, the old one still runs, the restart is pending.
      assertThat(lab.sh(never, "dpkg-query -W -f '${Version}' " + SERVICE)).isEqualTo("1.0-2");
      assertThat(lab.sh(never, "cat /run/" + SERVICE + "/version").strip())
          .as(why)
          .isEqualTo("1.0-1");
      assertThat(lab.sh(never, "cut -f1,2 /var/lib/herd/pending-restarts").strip())
          .isEqualTo(SERVICE + ".service\tnever");
      // after-run: restarted by herd at the end of the run; nothing left pending.
      assertThat(applied.err())
          .contains("after-run restart: " + afterRun.name() + ": " + SERVICE + ".service: restart");
      assertThat(lab.sh(afterRun, "cat /run/" + SERVICE + "/version").strip()).isEqualTo("1.0-2");
      assertThat(lab.run(afterRun, "test -e /var/lib/herd/pending-restarts").exitCode())
          .isNotZero();

      assertThat(shown.out())
          .contains("restarts deferred by the restart policy")
          .contains(never.name() + ": pending (never): " + SERVICE + ".service")
          .contains(afterRun.name() + ": pending (after-run): " + SERVICE + ".service");

      CliRunner.Result status = herd(inventory, "status", "--json", nodes);
      assertThat(status.exitCode()).as(status.err()).isZero();
      List<String> pending = new ArrayList<>();
      for (JsonNode host : new ObjectMapper().readTree(status.out()).findValues("facts")) {
        host.path("policy")
            .path("herdGuard")
            .path("pendingRestarts")
            .forEach(p -> pending.add(p.asText()));
      }
      assertThat(pending).singleElement().asString().startsWith(SERVICE + ".service (never, run ");
    } finally {
      for (LabHost host : List.of(never, afterRun)) {
        lab.run(host, "rm -f /var/lib/herd/pending-restarts");
      }
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }
}
