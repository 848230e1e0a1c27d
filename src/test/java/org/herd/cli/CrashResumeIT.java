package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
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
 * Crash safety of a real herd: a plan applied on two lab hosts by a herd process that the test
 * kills with SIGKILL at ten points of the run (twice in the middle of dpkg), each time followed by
 * {@code herd resume} from a new process, which takes the dead process's lease over at once. At the
 * end the run has succeeded, no step that had finished ran again, both hosts are at the planned
 * versions with dpkg's audit clean, and no guard, spool or lease is left.
 *
 * <p>A dpkg {@code post-invoke} hook that sleeps 3 s keeps dpkg running long enough for the test to
 * see it on the host and kill herd while it runs.
 */
@ExtendWith(LabExtension.class)
class CrashResumeIT {

  private static final Duration EVENT_WAIT = Duration.ofMinutes(5);

  @TempDir Path dir;

  /** Where to kill herd: at an event, and for {@code inDpkg} once dpkg runs on its host. */
  private record KillPoint(String event, String step, boolean inDpkg) {
    Predicate<JsonNode> matches() {
      return e -> e.path("event").asText().equals(event) && e.path("step").asText().equals(step);
    }

    @Override
    public String toString() {
      return (inDpkg ? "in dpkg during " : event + " ") + step;
    }
  }

  private static final List<KillPoint> KILL_POINTS =
      List.of(
          new KillPoint("stepStarted", "download", false),
          new KillPoint("stepFinished", "download", false),
          new KillPoint("stepStarted", "precheck", false),
          new KillPoint("stepFinished", "guard", false),
          new KillPoint("stepStarted", "install", true),
          new KillPoint("stepStarted", "restart", false),
          new KillPoint("stepFinished", "health", false),
          new KillPoint("stepFinished", "undrain", false),
          new KillPoint("stepStarted", "verify", false),
          new KillPoint("stepStarted", "install", true));

  private Map<String, String> env() {
    return Map.of("HOME", dir.toString(), "HERD_JOURNAL", journal().toString());
  }

  private Path journal() {
    return dir.resolve("journal.db");
  }

  private List<String> args(TestLab lab, String... args) {
    List<String> all = new ArrayList<>(List.of("--inventory", lab.inventory().toString()));
    all.addAll(List.of(args));
    return all;
  }

  @Test
  @PristineHosts({1, 2})
  void killedAtTenPointsAndResumedEachTimeTheRunCompletesWithoutRepeatingAStep(TestLab lab)
      throws Exception {
    List<LabHost> hosts = List.of(lab.host(1), lab.host(2));
    try {
      for (LabHost host : hosts) {
        lab.sh(host, "apt-get install -y -q herd-lab-service herd-lab-conffile >/dev/null 2>&1");
      }
      lab.lab().suite(lab.name(), Suite.NEW);
      for (LabHost host : hosts) {
        lab.sh(host, "apt-get update -q >/dev/null");
        LabDpkg.slowDown(lab, host, 3);
      }
      String nodes = hosts.get(0).name() + "," + hosts.get(1).name();
      CliRunner.Result planned =
          new CliRunner(dir, env())
              .run(args(lab, "plan", nodes, "-o", "plan.json").toArray(String[]::new));
      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      Map<String, Map<String, String>> pins = LabDpkg.pins(dir.resolve("plan.json"));
      assertThat(pins).hasSize(2);
      pins.values().forEach(p -> assertThat(p).containsEntry("herd-lab-service", "1.0-2"));

      RunId run = null;
      // One host after the other, so that the kill points come in the order listed.
      List<String> command = args(lab, "apply", "plan.json", "--json", "--parallel", "1");
      for (KillPoint point : KILL_POINTS) {
        try (HerdProcess herd = HerdProcess.start(dir, env(), command)) {
          JsonNode at = herd.await(point.matches(), EVENT_WAIT);
          assertThat(at)
              .as("%s never came; stdout:%n%s%nstderr:%n%s", point, herd.out(), herd.err())
              .isNotNull();
          if (point.inDpkg()) {
            LabHost host =
                lab.hosts().stream()
                    .filter(h -> h.name().equals(at.path("host").asText()))
                    .findFirst()
                    .orElseThrow();
            LabDpkg.awaitDpkg(lab, host);
          }
          if (run == null) {
            run = onlyRun();
            // A live holder of the run is refused, even on this machine.
            CliRunner.Result refused =
                new CliRunner(dir, env())
                    .run(args(lab, "resume", run.value()).toArray(String[]::new));
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
            assertThat(refused.err()).contains("is held by").contains("pid=" + herd.pid());
          }
          herd.kill();
          if (command.contains("resume")) {
            assertThat(herd.err()).as("resume after a crash").contains("taking over the lease");
          }
        }
        command = args(lab, "resume", run.value(), "--json");
      }
      try (HerdProcess last = HerdProcess.start(dir, env(), command)) {
        int exit = last.waitFor(EVENT_WAIT);
        assertThat(exit).as(last.out() + last.err()).isZero();
        assertThat(last.err()).contains("taking over the lease");
      }

      try (Journal check =
          Journal.open(JournalLocation.parse(journal().toString()), Clock.systemUTC())) {
        assertThat(check.run(run).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(check.leases()).as("leases left").isEmpty();
        Map<String, List<StepRecord>> byStep = new TreeMap<>();
        for (StepRecord step : check.steps(run)) {
          byStep.computeIfAbsent(step.host() + " " + step.step(), k -> new ArrayList<>()).add(step);
        }
        // Every step of the sequence on both hosts, reboot included (journaled as skipped);
        // preinstall only runs on members of clusters that install ahead.
        assertThat(byStep).hasSize(2 * (org.herd.engine.UpgradeStep.values().length - 1));
        byStep.forEach(
            (step, attempts) -> {
              // Finished once; a step cut off mid-way was interrupted, then run (or followed)
              // again.
              assertThat(
                      attempts.stream()
                          .filter(
                              a ->
                                  a.outcome().isPresent()
                                      && a.outcome().get() != StepOutcome.INTERRUPTED))
                  .as(step + ": " + attempts)
                  .hasSize(1);
              assertThat(attempts).as(step).allMatch(StepRecord::finished);
            });
        for (LabHost host : hosts) {
          // dpkg ran once: the killed install was re-attached, not started again.
          assertThat(byStep.get(host.name() + " install")).as(host.name()).hasSize(1);
        }
      }
      for (LabHost host : hosts) {
        pins.get(host.name())
            .forEach(
                (pkg, version) ->
                    assertThat(
                            lab.sh(host, "dpkg-query -W -f '${Version} ${db:Status-Abbrev}' " + pkg)
                                .strip())
                        .as(host.name() + " " + pkg)
                        .isEqualTo(version + " ii"));
        assertThat(lab.sh(host, "dpkg --audit").strip()).as(host.name()).isEmpty();
        assertThat(lab.run(host, "test -e /usr/sbin/policy-rc.d").exitCode()).isNotZero();
        assertThat(lab.run(host, "test -e /var/lib/herd/guard").exitCode()).isNotZero();
        assertThat(lab.sh(host, "cat /run/herd-lab-service/version").strip()).isEqualTo("1.0-2");
      }
    } finally {
      for (LabHost host : hosts) {
        LabDpkg.speedUp(lab, host);
      }
      lab.lab().suite(lab.name(), Suite.OLD);
    }
  }

  private RunId onlyRun() {
    try (Journal journal =
        Journal.open(JournalLocation.parse(journal().toString()), Clock.systemUTC())) {
      assertThat(journal.runs()).hasSize(1);
      return journal.runs().get(0).id();
    }
  }
}
