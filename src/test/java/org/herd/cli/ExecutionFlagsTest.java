package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herd.engine.Canary;
import org.herd.engine.ExecutionOptions;
import org.herd.engine.MaxFail;
import org.herd.engine.Serial;
import org.herd.plan.Plan;
import org.herd.plan.PlanOptions;
import org.herd.plan.RebootPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The execution flags as picocli parses them: every flag of {@code herd apply} reaches the
 * execution options of {@code herd upgrade} and (but for {@code --reboot} and {@code --finalize})
 * {@code herd reboot}; the reboot policy of a run is the plan's unless {@code --reboot} replaces
 * it.
 */
class ExecutionFlagsTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private CliContext context() {
    return new CliContext(
        new PrintWriter(new StringWriter()),
        new PrintWriter(err),
        Map.of(),
        dir,
        Terminal.plain(),
        CliRunner.FIXED,
        new ByteArrayInputStream(new byte[0]));
  }

  /** The object picocli filled for the subcommand of {@code args}. */
  private static Object parsed(String... args) {
    CommandLine.ParseResult result = HerdCommand.commandLine(new HerdCommand()).parseArgs(args);
    return result.subcommand().commandSpec().userObject();
  }

  private static Plan planWith(RebootPolicy reboot) {
    return new Plan(
        Plan.FORMAT_VERSION,
        Instant.parse("2026-11-25T12:00:00Z"),
        "test",
        PlanOptions.defaults().withReboot(reboot),
        List.of());
  }

  @Test
  void everyExecutionFlagOfUpgradeReachesTheRunsOptions() throws Exception {
    Files.createDirectory(dir.resolve("recipes"));
    UpgradeCommand upgrade =
        (UpgradeCommand)
            parsed(
                "upgrade",
                "--serial",
                "1,50%",
                "--canary",
                "soak=10m",
                "--finalize",
                "--recipes",
                dir.resolve("recipes").toString(),
                "--parallel",
                "3",
                "--max-fail",
                "2",
                "--reboot",
                "if-required",
                "--json",
                "--yes",
                "--security-only",
                "-o",
                "plan.json",
                "web[1-4]");

    ExecutionFlags flags = upgrade.flags;
    ExecutionOptions options =
        flags
            .settings(
                Set.of(), Set.of(), flags.rebootPolicy(planWith(RebootPolicy.NEVER), context()))
            .options();
    assertThat(options.parallel()).isEqualTo(3);
    assertThat(options.maxFail()).isEqualTo(MaxFail.parse("2"));
    assertThat(options.reboot()).isEqualTo(RebootPolicy.IF_REQUIRED);
    assertThat(flags.serial()).isEqualTo(Serial.parse("1,50%"));
    assertThat(flags.canary()).isEqualTo(new Canary.Soak(Duration.ofMinutes(10)));
    assertThat(flags.finalize).isTrue();
    assertThat(flags.recipes().paths(context())).endsWith(dir.resolve("recipes"));
    assertThat(flags.form(context())).isEqualTo(RunProgress.Form.JSON);
    assertThat(flags.journaled())
        .isEqualTo(
            " --parallel 3 --serial 1,50% --canary soak=10m --finalize --reboot if-required");
    // The plan upgrade makes records the reboot policy, with the plan's own options.
    PlanOptions planOptions = upgrade.planFlags.options(flags.reboot.orElse(RebootPolicy.NEVER));
    assertThat(planOptions.reboot()).isEqualTo(RebootPolicy.IF_REQUIRED);
    assertThat(planOptions.securityOnly()).isTrue();
    assertThat(upgrade.planFlags.output).isEqualTo("plan.json");
    assertThat(upgrade.targets.nodes).isEqualTo("web[1-4]");
    assertThat(upgrade.yes).isTrue();
  }

  @Test
  void rebootTakesTheRunFlagsAndAlwaysReboots() {
    RebootCommand reboot =
        (RebootCommand)
            parsed(
                "reboot",
                "--serial",
                "2",
                "--canary",
                "pause",
                "--parallel",
                "2",
                "-f",
                "5",
                "db[1-3]");

    ExecutionFlags flags = ExecutionFlags.rebooting(reboot.runFlags, reboot.targets.fanout());
    assertThat(flags.serial()).isEqualTo(Serial.parse("2"));
    assertThat(flags.canary()).isEqualTo(new Canary.Pause());
    assertThat(flags.finalize).isFalse();
    ExecutionOptions options =
        flags
            .settings(
                Set.of(), Set.of(), flags.rebootPolicy(planWith(RebootPolicy.ALWAYS), context()))
            .options();
    assertThat(options.parallel()).isEqualTo(2);
    assertThat(options.fanout()).isEqualTo(5);
    assertThat(options.reboot()).isEqualTo(RebootPolicy.ALWAYS);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aRunFollowsThePlansRebootPolicyUnlessToldOtherwiseAndThenSaysSoOnce() {
    ExecutionFlags given = ((ApplyCommand) parsed("apply", "--reboot", "always", "p.json")).flags;
    ExecutionFlags notGiven = ((ApplyCommand) parsed("apply", "p.json")).flags;
    ExecutionFlags same = ((ApplyCommand) parsed("apply", "--reboot", "never", "p.json")).flags;

    assertThat(notGiven.rebootPolicy(planWith(RebootPolicy.IF_REQUIRED), context()))
        .isEqualTo(RebootPolicy.IF_REQUIRED);
    assertThat(same.rebootPolicy(planWith(RebootPolicy.NEVER), context()))
        .isEqualTo(RebootPolicy.NEVER);
    assertThat(err.toString()).isEmpty();
    assertThat(given.rebootPolicy(planWith(RebootPolicy.IF_REQUIRED), context()))
        .isEqualTo(RebootPolicy.ALWAYS);
    assertThat(err.toString())
        .isEqualTo("herd: --reboot always replaces the plan's --reboot if-required\n");
  }

  @Test
  void resumeRestoresTheJournaledFlagsButNotOverTheOnesGivenNow() {
    ExecutionFlags resumed = ((ResumeCommand) parsed("resume", "r1")).flags;
    resumed.restoreFrom(
        "herd apply p.json --parallel 1 --serial 1,5 --canary pause --finalize --reboot always");
    assertThat(resumed.reboot.policy).isEqualTo(RebootPolicy.ALWAYS);
    assertThat(resumed.serial()).isEqualTo(Serial.parse("1,5"));
    assertThat(resumed.finalize).isTrue();
    assertThat(resumed.run.parallel()).isEqualTo(1);

    ExecutionFlags overridden = ((ResumeCommand) parsed("resume", "--reboot", "never", "r1")).flags;
    overridden.restoreFrom("herd apply p.json --reboot always");
    assertThat(overridden.reboot.policy).isEqualTo(RebootPolicy.NEVER);

    ExecutionFlags old = ((ResumeCommand) parsed("resume", "r1")).flags;
    old.restoreFrom("herd upgrade --serial 3");
    assertThat(old.reboot.given()).isFalse();
    assertThat(old.run.parallel()).isEqualTo(RunFlags.DEFAULT_PARALLEL);

    ExecutionFlags wider = ((ResumeCommand) parsed("resume", "--parallel", "8", "r1")).flags;
    wider.restoreFrom("herd apply p.json --parallel 1");
    assertThat(wider.run.parallel()).isEqualTo(8);
  }

  @Test
  void eachOptionIsDefinedOnceAndRebootHasNoUpgradeOnlyOptions() {
    CommandLine root = HerdCommand.commandLine(new HerdCommand());
    var upgrade = root.getSubcommands().get("upgrade").getCommandSpec();
    var reboot = root.getSubcommands().get("reboot").getCommandSpec();
    var plan = root.getSubcommands().get("plan").getCommandSpec();

    for (String name :
        List.of(
            "--parallel",
            "--max-fail",
            "--serial",
            "--canary",
            "--finalize",
            "--recipes",
            "--reboot",
            "--json",
            "--only",
            "-o",
            "--journal",
            "--yes")) {
      assertThat(upgrade.findOption(name)).as("upgrade " + name).isNotNull();
    }
    assertThat(upgrade.findOption("--json").description()[0]).contains("JSON event");
    for (String name : List.of("--parallel", "--max-fail", "--serial", "--canary", "--json")) {
      assertThat(reboot.findOption(name)).as("reboot " + name).isNotNull();
    }
    for (String name : List.of("--reboot", "--finalize", "--only", "--security-only", "--output")) {
      assertThat(reboot.findOption(name)).as("reboot " + name).isNull();
    }
    // Without a plan file to write, reboot's -o is the ssh option, as on run.
    assertThat(reboot.findOption("-o").paramLabel()).isEqualTo("OPTION");
    assertThat(plan.findOption("--reboot")).isNotNull();
    assertThat(plan.findOption("--parallel")).isNull();
    assertThat(plan.findOption("--json").description()[0]).contains("plan file's JSON");
  }
}
