package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.herd.debian.DpkgQueryParser;
import org.herd.debian.PackageName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe script is plain POSIX sh, and the command that carries it survives a shell. */
class ProbeScriptTest {

  @TempDir Path dir;

  private record Result(int exit, String output) {}

  private static Result run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish: " + command);
    }
    return new Result(p.exitValue(), output);
  }

  private Path script() throws Exception {
    Path file = dir.resolve("probe.sh");
    Files.writeString(file, HostProbe.script());
    return file;
  }

  @Test
  void asksDpkgQueryForTheFormatItsParserReads() {
    assertThat(HostProbe.script()).contains("-f='" + DpkgQueryParser.FORMAT + "'");
  }

  @Test
  void dashAcceptsTheSyntax() throws Exception {
    require(Files.isExecutable(Path.of("/bin/dash")), "dash is not installed");
    assertThat(run(List.of("/bin/dash", "-n", script().toString()))).isEqualTo(new Result(0, ""));
  }

  @Test
  void shellcheckFindsNothingInPosixMode() throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck is not installed");
    assertThat(run(List.of("/usr/bin/shellcheck", "-s", "sh", script().toString())))
        .isEqualTo(new Result(0, ""));
  }

  /** The other scripts sent to hosts ({@code herd changes}, {@code --refresh}) pass both too. */
  @Test
  void theChangelogAndRefreshScriptsAreCleanPosixShToo() throws Exception {
    require(Files.isExecutable(Path.of("/bin/dash")), "dash is not installed");
    require(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck is not installed");
    for (String name : List.of("changes.sh", "refresh.sh")) {
      Path file = dir.resolve(name);
      Files.writeString(file, HostProbe.resource(name));
      assertThat(run(List.of("/bin/dash", "-n", file.toString())))
          .as(name)
          .isEqualTo(new Result(0, ""));
      assertThat(run(List.of("/usr/bin/shellcheck", "-s", "sh", file.toString())))
          .as(name)
          .isEqualTo(new Result(0, ""));
    }
  }

  @Test
  void theCommandPassesTheScriptAndPackagesThroughAShellIntact() throws Exception {
    require(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
    String command =
        HostProbe.command(List.of(PackageName.parse("libc6"), PackageName.parse("g++")));
    // What the remote login shell does with the command: one more level of parsing. Replace the
    // script by a printer of what it received to check the quoting without running the probe.
    String printer =
        command.replace(
            HostProbe.script().replace("'", "'\\''"),
            "printf '%s|' \"$0\" \"$@\"".replace("'", "'\\''"));
    assertThat(printer).isNotEqualTo(command);
    assertThat(run(List.of("/bin/sh", "-c", printer)))
        .isEqualTo(new Result(0, "herd-probe|libc6|g++|"));
  }

  @Test
  void theUpgradesOnlyProbeReportsTheSimulationAndNothingElse() throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/apt-get")), "no apt-get");
    Result result = run(List.of("/bin/sh", "-c", HostProbe.upgradesCommand()));
    HostFacts facts = HostProbe.parse(result.output());

    assertThat(facts.probe()).isNotNull();
    assertThat(facts.upgrades()).isNotNull();
    assertThat(result.output())
        .contains(" section apt-simulate@@")
        .doesNotContain(" section os-release@@")
        .doesNotContain(" section unattended-upgrades@@")
        .contains(" done@@");
  }
}
