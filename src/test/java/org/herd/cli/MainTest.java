package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of()).run(args);
  }

  @Test
  void versionNamesHerdAndTheJavaRuntime() {
    CliRunner.Result result = herd("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("herd ").contains("Java " + Runtime.version().feature());
  }

  @Test
  void everyCommandHasHelp() {
    var root = HerdCommand.commandLine(new HerdCommand());
    for (String name : root.getSubcommands().keySet()) {
      CliRunner.Result result = herd(name, "--help");
      assertThat(result.exitCode()).as(name).isZero();
      assertThat(result.out()).as(name).contains("Usage: herd " + name);
    }
  }

  @Test
  void abortOffersOnlyTheOptionsACleanupUses() {
    assertThat(herd("abort", "--help").out())
        .contains("--recipes", "--json", "--fanout")
        .doesNotContain(
            "--canary", "--serial", "--max-fail", "--finalize", "--reboot", "--parallel");
  }

  @Test
  void everyCommandsSummaryIsAWholeSentence() {
    List<String> cut = new ArrayList<>();
    summariesCutShort(HerdCommand.commandLine(new HerdCommand()), cut);
    assertThat(cut).as("the first description line is the summary in the command lists").isEmpty();
  }

  private static void summariesCutShort(CommandLine command, List<String> cut) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              String[] description = sub.getCommandSpec().usageMessage().description();
              if (description.length == 0 || !description[0].strip().endsWith(".")) {
                cut.add(sub.getCommandSpec().qualifiedName());
              }
              summariesCutShort(sub, cut);
            });
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneBuiltAndTheRootsOptionsMayPrecedeIt() {
    assertThat(HerdCommand.commandLine(new HerdCommand()).getSubcommands())
        .hasSize(HerdCommand.SUBCOMMANDS.size());
    assertThat(
            HerdCommand.commandLine(new HerdCommand(), "run", "-w", "a", "true").getSubcommands())
        .containsOnlyKeys("run");
    assertThat(
            HerdCommand.commandLine(
                    new HerdCommand(), "--debug", "--inventory", "run", "nodeset", "-f", "a")
                .getSubcommands())
        .containsOnlyKeys("nodeset");
    assertThat(
            HerdCommand.commandLine(new HerdCommand(), "--inventory=x", "statu").getSubcommands())
        .hasSize(HerdCommand.SUBCOMMANDS.size());
  }

  @Test
  void anUnknownCommandIsOneLineAndExitCodeTwo() {
    CliRunner.Result result = herd("statu");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).startsWith("herd: ").contains("'statu'");
  }

  @Test
  void aMisspeltCommandOrOptionGetsADidYouMean() {
    assertThat(herd("stauts").err()).contains("did you mean `status`?");
    assertThat(herd("lab", "stauts").err())
        .startsWith("herd lab: ")
        .contains("did you mean `status`?");
    CliRunner.Result option = herd("run", "--fanuot=3", "-w", "a", "true");
    assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(option.err().strip().lines()).hasSize(1);
    assertThat(option.err()).contains("did you mean `--fanout`?");
    assertThat(herd("xyzzy").err()).doesNotContain("did you mean");
  }

  @Test
  void anArgumentWithALineBreakIsQuotedOnOneLine() {
    CliRunner.Result result = herd("recipe", "show", "galera", "a\nb");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err())
        .isEqualTo(
            "herd recipe show: Unmatched argument at index 3: 'a\\nb' (see 'herd recipe show"
                + " --help')\n");
  }

  @Test
  void unknownOptionIsOneLineAndExitCodeTwo() {
    CliRunner.Result result = herd("--no-such-option");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).startsWith("herd: ").contains("--no-such-option");
  }

  @Test
  void unexpectedExceptionsAreBugsWithExitCode70() {
    var report = ErrorReporter.classify(new IllegalStateException("boom"));
    assertThat(report.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(report.bug()).isTrue();
  }

  @Test
  void userErrorsAreNotBugs() {
    var report = ErrorReporter.classify(new UserError("plan.json: no such file"));
    assertThat(report.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(report.bug()).isFalse();
    assertThat(report.lines()).containsExactly("plan.json: no such file");
  }
}
