package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Command lines an operator could type: every option of the commands that only read files and the
 * journal (taken from the commands themselves, so a new option is fuzzed too), with values of the
 * wrong kind, and paths to nothing or to directories where files are expected. herd does what was
 * asked, or refuses in one clean line with exit 2 (3 for a journal it cannot open), within the hang
 * guard. Commands that reach hosts are left out, but for {@code run} over the local transport.
 */
@AddLifecycleHook(FuzzTries.class)
class CommandLineFuzzProperties {

  /** The commands whose every argument is safe to fuzz: they read files and the journal only. */
  private static final List<List<String>> SAFE =
      List.of(
          List.of("nodeset"),
          List.of("inventory", "check"),
          List.of("inventory", "show"),
          List.of("inventory", "import"),
          List.of("recipe", "list"),
          List.of("recipe", "show"),
          List.of("recipe", "check"),
          List.of("runs"),
          List.of("show"),
          List.of("resume"),
          List.of("abort"),
          List.of("simulate"));

  /** Values of the wrong kind for options of every kind, and paths to nothing. */
  private static final List<String> VALUES =
      FuzzOptions.wrongValues(
          "abc",
          "@nope",
          "h[1-100000000]",
          "h[9-1]",
          "herd:no-such-file",
          "r-20261125-120000-abcd");

  @Property(tries = 150)
  void anyCommandLineIsDoneOrRefusedCleanly(@ForAll("commandLines") List<String> args) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("herd.yaml", FuzzSeeds.site());
      scratch.write("ssh_config", FuzzSeeds.siteSshConfig());
      CliRunner.Result result =
          scratch.herd(
              Map.of("HERD_INVENTORY", scratch.dir().resolve("herd.yaml").toString()),
              args.toArray(String[]::new));
      Statistics.label("exit code").collect(result.exitCode());
      if (result.exitCode() == ExitCode.OK.code()) {
        CleanRefusal.assertAcceptedOrRefused(result, Set.of(ExitCode.OK.code()));
      } else if (args.contains("--json") && result.err().isEmpty()) {
        // inventory check --json: the problems are data, on stdout.
        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.out()).contains("\"ok\" : false");
      } else {
        CleanRefusal.assertRefused(
            result, args, Set.of(ExitCode.USAGE.code(), ExitCode.UNAVAILABLE.code()));
      }
    }
  }

  /**
   * A path to nothing, to a directory, or to bytes that are not text where a command expects a
   * file: exit 2, one line.
   */
  @Property(tries = 50)
  void aMissingFileOrADirectoryIsOneLine(
      @ForAll("fileArguments") List<String> command, @ForAll("notFiles") String path) {
    // An ssh_config is read only by the ssh transports: a local run need not read its text.
    Assume.that(!(command.contains("--ssh-config") && path.equals("not-utf8.txt")));
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("directory/file.yaml", "x: 1\n");
      scratch.write("not-utf8.txt", new byte[] {'a', (byte) 0xE9, '\n'});
      List<String> args = new ArrayList<>();
      command.forEach(word -> args.add(word.replace("PATH", path)));
      CliRunner.Result result = scratch.herd(args.toArray(String[]::new));
      CleanRefusal.assertRefused(result);
    }
  }

  @Provide
  Arbitrary<List<String>> fileArguments() {
    return Arbitraries.of(
        List.of("apply", "PATH"),
        List.of("recipe", "check", "PATH"),
        List.of("simulate", "PATH"),
        List.of("inventory", "check", "--inventory", "PATH"),
        List.of("inventory", "check", "--inventory", "ansible:PATH"),
        List.of("inventory", "check", "--inventory", "clush:PATH"),
        List.of("inventory", "import", "ansible:PATH"),
        List.of("recipe", "list", "--recipes", "PATH/file.yaml"),
        List.of("run", "--transport", "local", "-w", "localhost", "--commands-file", "PATH"),
        List.of("run", "--transport", "local", "-w", "localhost", "--ssh-config", "PATH", "true"));
  }

  @Provide
  Arbitrary<String> notFiles() {
    return Arbitraries.of(
        "no-such-file",
        "directory",
        "directory/no-such-file",
        "directory/file.yaml/x",
        "not-utf8.txt");
  }

  @Provide
  Arbitrary<List<String>> commandLines() {
    return Arbitraries.of(SAFE)
        .flatMap(
            command -> {
              Arbitrary<List<List<String>>> uses =
                  FuzzOptions.uses(
                      FuzzOptions.of(command, Set.of()), option -> Arbitraries.of(VALUES), 4);
              Arbitrary<List<String>> positionals = Arbitraries.of(VALUES).list().ofMaxSize(2);
              return Combinators.combine(uses, positionals)
                  .as(
                      (chosen, words) -> {
                        List<String> args = new ArrayList<>(command);
                        chosen.forEach(args::addAll);
                        args.addAll(words);
                        return args;
                      });
            });
  }
}
