package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.engine.RunLease;
import org.herd.journal.HolderIdentity;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanBasis;
import org.herd.plan.PlanJson;
import org.herd.plan.PlanOptions;
import org.herd.plan.PlannedInstall;
import org.herd.plan.RebootRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd apply} refusals that happen before any host is touched. */
class ApplyCommandTest {

  @TempDir Path dir;

  private CliRunner cli() {
    return new CliRunner(dir, Map.of("HERD_JOURNAL", dir.resolve("journal.db").toString()));
  }

  void writePlan() throws Exception {
    writePlan(org.herd.plan.RebootPolicy.NEVER);
  }

  void writePlan(org.herd.plan.RebootPolicy reboot) throws Exception {
    List<PlannedInstall> installs =
        List.of(
            new PlannedInstall(
                PackageName.parse("nginx"),
                DebianVersion.parse("1.22.1-9"),
                DebianVersion.parse("1.22.1-9+deb12u1"),
                PlannedInstall.Action.UPGRADE,
                PlannedInstall.Classification.SECURITY,
                List.of("Debian-Security:12/bookworm-security"),
                List.of("nginx.service")));
    HostPlan host =
        new HostPlan(
            "web1",
            installs,
            List.of(),
            List.of(),
            List.of(),
            RebootRule.of(installs),
            PlanBasis.of(
                List.of(
                    new PlanBasis.InstalledVersion(
                        PackageName.parse("nginx"), DebianVersion.parse("1.22.1-9")))),
            List.of(),
            true);
    Plan plan =
        new Plan(
            Plan.FORMAT_VERSION,
            Instant.parse("2026-11-25T12:00:00Z"),
            "test",
            new PlanOptions(false, List.of(), List.of(), false, reboot),
            List.of(host));
    Files.writeString(dir.resolve("plan.json"), PlanJson.write(plan));
  }

  @Test
  void hostsHeldByAnotherRunAreRefusedNamingTheHolder() throws Exception {
    writePlan();
    try (Journal other =
            Journal.open(
                JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC());
        RunLease held =
            RunLease.acquire(
                other,
                List.of("web1"),
                new HolderIdentity("bob", "ops2", 4242, Optional.empty()))) {
      CliRunner.Result result = cli().run("apply", "--transport", "local", "plan.json");
      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
      assertThat(result.err()).startsWith("herd: host web1 is held by bob@ops2 pid=4242 since ");
    }
  }

  @Test
  void aBrokenPlanFileIsOneLineAndExit2() throws Exception {
    Files.writeString(dir.resolve("plan.json"), "{\"formatVersion\": 99}");
    CliRunner.Result result = cli().run("apply", "plan.json");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).startsWith("herd: plan.json: ");
  }

  @Test
  void rebootOnApplyReplacesThePlansAndSaysSoOnceBeforeTheRun() throws Exception {
    writePlan(org.herd.plan.RebootPolicy.IF_REQUIRED);
    try (Journal other =
            Journal.open(
                JournalLocation.parse(dir.resolve("journal.db").toString()), Clock.systemUTC());
        RunLease held =
            RunLease.acquire(
                other,
                List.of("web1"),
                new HolderIdentity("bob", "ops2", 4242, Optional.empty()))) {
      CliRunner.Result result =
          cli().run("apply", "--transport", "local", "--reboot", "always", "plan.json");

      assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCode.UNAVAILABLE.code());
      assertThat(result.err().lines())
          .containsOnlyOnce("herd: --reboot always replaces the plan's --reboot if-required")
          .hasSize(2);
    }
  }
}
