package org.herd.cli;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options of a command as picocli knows them, for the fuzz properties of command lines: taken
 * from the commands themselves, so that a new option is fuzzed too.
 */
final class FuzzOptions {

  /**
   * Values of the wrong kind for options of every kind, and paths to nothing, a directory, files
   * that are not inventories or journals: none names a host or a transport.
   */
  static final List<String> WRONG_VALUES =
      List.of(
          "",
          " ",
          "-",
          "0",
          "-1",
          "99999999999999999999",
          "1e400",
          "NaN",
          "200%",
          "soak=",
          "no-such-file",
          ".",
          "/",
          "ansible:",
          "clush:.",
          "jdbc:mysql://127.0.0.1:1/herd",
          "jdbc:sqlite::memory:",
          "x".repeat(1000),
          "a\nb",
          "\u202eevil",
          "é");

  private FuzzOptions() {}

  /** {@link #WRONG_VALUES} and {@code more}. */
  static List<String> wrongValues(String... more) {
    List<String> values = new java.util.ArrayList<>(WRONG_VALUES);
    values.addAll(List.of(more));
    return List.copyOf(values);
  }

  /**
   * The options of {@code command} ({@code ["inventory", "check"]}) but help, version, {@code
   * --debug} (which asks for stack traces, and turns herd's logging up for the whole JVM) and
   * {@code leftOut} (by longest name).
   */
  static List<OptionSpec> of(List<String> command, Set<String> leftOut) {
    CommandLine line = HerdCommand.commandLine(new HerdCommand(), command.toArray(String[]::new));
    for (String name : command) {
      line = line.getSubcommands().get(name);
    }
    return line.getCommandSpec().options().stream()
        .filter(
            option ->
                !option.usageHelp()
                    && !option.versionHelp()
                    && !option.longestName().equals("--debug")
                    && !leftOut.contains(option.longestName()))
        .toList();
  }

  /**
   * Up to {@code most} of {@code options}, each as its words: a flag alone, an option with one of
   * its {@code values}.
   */
  static Arbitrary<List<List<String>>> uses(
      List<OptionSpec> options, Function<OptionSpec, Arbitrary<String>> values, int most) {
    return Arbitraries.of(options)
        .flatMap(
            option ->
                option.arity().max() == 0
                    ? Arbitraries.just(List.of(option.longestName()))
                    : values.apply(option).map(value -> List.of(option.longestName(), value)))
        .list()
        .ofMaxSize(most);
  }
}
