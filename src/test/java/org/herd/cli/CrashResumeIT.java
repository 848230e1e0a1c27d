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
 * <p>A dpkg {@code post-invoke} hook holds dpkg at the end of its unpack until herd is dead, so
 * that herd is killed while dpkg runs however fast or slow the machine is; each kill point names
 * its host and the transcript of the killed processes comes with a kill point that never comes.
 */
@ExtendWith(LabExtension.class)
class CrashResumeIT {

  private static final Duration EVENT_WAIT = Duration.ofMinutes(5);

  @TempDir Path dir;

  /**
   * Where to kill herd: at an event of a step on a host (the first or second of the run, or either
   * when 0), and for {@code inDpkg} once dpkg runs its install there, held until herd is dead.
   */
  private record KillPoint(int host, String event, String step, boolean inDpkg) {
    Predicate<JsonNode> matches(List<LabHost> hosts) {
      return e ->
          e.path("event").asText().equals(event)
              && e.path("step").asText().equals(step)
              && (host == 0 || e.path("host").asText().equals(hosts.get(host - 1).name()));
    }

    @Override
    public String toString() {
      return (inDpkg ? "in dpkg during " : event + " ") + step + (host == 0 ? "" : " on " + host);
    }
  }

  // The hosts go one after the other (--parallel 1): the first host's kill points, then the
  // second's. The downloads of both run together, ahead of the first host's turn.
  private static final List<KillPoint> KILL_POINTS =
      List.of(
          new KillPoint(0, "stepStarted", "download", false),
          new KillPoint(0, "stepFinished", "download", false),
          new KillPoint(1, "stepStarted", "precheck", false),
          new KillPoint(1, "stepFinished", "guard", false),
          new KillPoint(1, "stepStarted", "install", true),
          new KillPoint(1, "stepStarted", "restart", false),
          new KillPoint(1, "stepFinished", "health", false),
          new KillPoint(1, "stepFinished", "undrain", false),
          new KillPoint(1, "stepStarted", "verify", false),
          new KillPoint(2, "stepStarted", "install", true));

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
        LabDpkg.installHook(lab, host);
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
      boolean refusedWhileHeld = false;
      // Every killed process's events, so that a kill point that never comes can be explained.
      StringBuilder earlier = new StringBuilder();
      // One host after the other, so that the kill points come in the order listed.
      List<String> command = args(lab, "apply", "plan.json", "--json", "--parallel", "1");
      for (KillPoint point : KILL_POINTS) {
        LabHost held = point.inDpkg() ? hosts.get(point.host() - 1) : null;
        if (held != null) {
          // Set before herd starts, so that its install cannot end before herd is killed.
          LabDpkg.hold(lab, held);
        }
        try (HerdProcess herd = HerdProcess.start(dir, env(), command)) {
          JsonNode at = herd.await(point.matches(hosts), EVENT_WAIT);
          assertThat(at)
              .as(
                  "%s never came; stdout:%n%s%nstderr:%n%s%nthe processes killed before:%n%s",
                  point, herd.out(), herd.err(), earlier)
              .isNotNull();
          if (held != null) {
            LabDpkg.awaitHeld(lab, held);
            if (!refusedWhileHeld) {
              // A live holder of the run is refused, even on this machine; asked while herd
              // waits on the held dpkg, so that it cannot go past the kill point meanwhile.
              refusedWhileHeld = true;
              CliRunner.Result refused =
                  new CliRunner(dir, env())
                      .run(args(lab, "resume", run.value()).toArray(String[]::new));
              assertThat(refused.exitCode())
                  .as(refused.err())
                  .isEqualTo(ExitCode.UNAVAILABLE.code());
              assertThat(refused.err()).contains("is held by").contains("pid=" + herd.pid());
            }
          }
          herd.kill();
          earlier.append("-- killed at ").append(point).append(":\n").append(herd.out());
          if (held != null) {
            LabDpkg.release(lab, held);
          }
          if (command.contains("resume")) {
            assertThat(herd.err()).as("resume after a crash").contains("taking over the lease");
          }
        }
        if (run == null) {
          run = onlyRun();
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
        LabDpkg.removeHook(lab, host);
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
