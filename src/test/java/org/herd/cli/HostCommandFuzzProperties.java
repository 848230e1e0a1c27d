package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Command lines of the commands that reach hosts ({@code plan}, {@code status}, {@code upgrade},
 * {@code reboot}, {@code copy}) and of {@code demo}, every option taken from the commands
 * themselves, with values of the wrong kind. The inventory's hosts are on loopback port 1, where a
 * connection is refused at once: each command line is refused cleanly (exit 2, or 3 for a journal
 * herd cannot open; one line; nothing of the libraries), or done with every host reported
 * unreachable and the command's documented exit code; no run is ever recorded, and each ends within
 * the hang guard.
 *
 * <p>Nothing here reaches past loopback: a node set is an inventory host, a group of them or a
 * mistake (a name outside the inventory would be looked up in DNS), the local transport (this
 * machine) is never named, and {@code demo} is run only with command lines it refuses before it
 * does anything ({@link DemoCommand#spec()}, the check it makes first); the others would start the
 * lab.
 */
@AddLifecycleHook(FuzzTries.class)
class HostCommandFuzzProperties {

  /** Two hosts and a cluster of them on loopback port 1: connection refused, at once. */
  static final String UNREACHABLE =
      UnreachableHosts.INVENTORY
          + """
      groups:
        web: [a, b]
      clusters:
        pool:
          members: "@web"
          recipe: generic
          budget: 1
      """;

  /** The commands fuzzed, and the exit code of each when every host is unreachable. */
  private static final Map<String, Integer> UNREACHABLE_EXIT =
      Map.of("plan", 1, "status", 1, "upgrade", 8, "reboot", 8, "copy", 1, "demo", -1);

  /** Node sets: the inventory's hosts and group, or mistakes refused before any lookup. */
  private static final List<String> NODES =
      List.of(
          "a",
          "b",
          "a,b",
          "@web",
          "@pool",
          "@nope",
          "h[9-1]",
          "h[1-100000000]",
          "[",
          "a[",
          "@",
          "",
          " ",
          "a,@nope");

  /**
   * Values of the wrong kind for options of every kind, and paths to nothing; no transport that
   * reaches past loopback ({@code local} is this machine), no host outside the inventory.
   */
  private static final List<String> VALUES =
      FuzzOptions.wrongValues(
          "1,,2",
          "pause",
          "sometimes",
          "telnet",
          "ssh",
          "Port",
          "Port=0",
          "=x",
          "-F",
          "-J",
          "-Z x",
          "herd.yaml");

  @Property(tries = 120)
  void aCommandThatReachesHostsIsRefusedOrReportsThemUnreachable(
      @ForAll("commandLines") List<String> args) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("herd.yaml", UNREACHABLE);
      scratch.write("file.txt", "a file to copy\n");
      scratch.write("hosts.txt", "a\nb\n");
      CliRunner.Result result =
          scratch.herd(
              Map.of("HERD_INVENTORY", scratch.dir().resolve("herd.yaml").toString()),
              args.toArray(String[]::new));
      String command = args.get(0);
      Statistics.label("command, exit code").collect(command, result.exitCode());
      if (result.exitCode() == UNREACHABLE_EXIT.get(command)) {
        assertThat(result.out() + result.err())
            .as("hosts reported unreachable")
            .contains("connection refused");
        // With --json, the summary's words go to stderr too: herd's, if not all "herd:" lines.
        assertThat(result.err().lines()).allSatisfy(CleanRefusal::assertNoInternals);
        if (!args.contains("--json")) {
          // JSON's null is data (a command that did not complete has no exit code).
          assertThat(result.out().lines()).allSatisfy(CleanRefusal::assertNoInternals);
        }
      } else {
        CleanRefusal.assertRefused(
            result, args, Set.of(ExitCode.USAGE.code(), ExitCode.UNAVAILABLE.code()));
      }
      scratch.assertNoRunRecorded();
    }
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    return Arbitraries.of(List.copyOf(UNREACHABLE_EXIT.keySet()))
        .flatMap(HostCommandFuzzProperties::commandLine)
        .filter(HostCommandFuzzProperties::staysOnLoopback)
        .filter(args -> !args.get(0).equals("demo") || demoRefuses(args));
  }

  private static Arbitrary<List<String>> commandLine(String command) {
    Arbitrary<List<List<String>>> uses =
        FuzzOptions.uses(
            FuzzOptions.of(List.of(command), Set.of("--yes")),
            HostCommandFuzzProperties::values,
            3);
    Arbitrary<List<String>> positionals =
        switch (command) {
          case "copy" ->
              Arbitraries.of("file.txt", "no-such-file", ".", "", "/etc/hostname")
                  .list()
                  .ofMinSize(1)
                  .ofMaxSize(2);
          case "demo" -> Arbitraries.of(VALUES).list().ofMaxSize(1);
          default -> Arbitraries.of(NODES).list().ofMaxSize(2);
        };
    Arbitrary<List<String>> base =
        command.equals("copy")
            ? Arbitraries.of(NODES).map(nodes -> List.of("copy", "-w", nodes))
            : Arbitraries.just(List.of(command));
    return Combinators.combine(base, uses, positionals)
        .as(
            (start, chosen, words) -> {
              List<String> args = new ArrayList<>(start);
              // upgrade and reboot ask before they act; a refusal or unreachable hosts come first.
              if (command.equals("upgrade") || command.equals("reboot")) {
                args.add("-y");
              }
              chosen.forEach(args::addAll);
              args.addAll(words);
              return args;
            });
  }

  /** Node sets for the options that take hosts or groups, and wrong values for the others. */
  private static Arbitrary<String> values(OptionSpec option) {
    String label = option.paramLabel();
    if (label.contains("NODES")) {
      return Arbitraries.of(NODES);
    }
    if (option.longestName().equals("--machinefile")) {
      // A host file names hosts: only the inventory's, or no file at all.
      return Arbitraries.of("hosts.txt", "", "no-such-file", ".", "/");
    }
    if (label.contains("GROUP")) {
      return Arbitraries.of("web", "pool", "nope", "", "@web");
    }
    return Arbitraries.of(VALUES);
  }

  /** A guard over the values above: never this machine's transport, never the system ssh. */
  private static boolean staysOnLoopback(List<String> args) {
    return !args.contains("local") && !args.contains("openssh");
  }

  /**
   * Whether {@code herd demo} refuses {@code args} before doing anything: picocli refuses them, or
   * {@link DemoCommand#spec()}, which the command calls first, does.
   */
  private static boolean demoRefuses(List<String> args) {
    CommandLine line = HerdCommand.commandLine(new HerdCommand(), args.toArray(String[]::new));
    try {
      line.parseArgs(args.toArray(String[]::new));
    } catch (ParameterException e) {
      return true;
    }
    DemoCommand demo = line.getSubcommands().get("demo").getCommand();
    try {
      demo.spec();
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }
}
