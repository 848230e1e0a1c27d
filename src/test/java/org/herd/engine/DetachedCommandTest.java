package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herd.Prerequisites.require;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.herd.journal.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure parts of detached execution: names, answers, handles, and the scripts' syntax. */
class DetachedCommandTest {

  private static final RunId RUN = RunId.of("20261125-170000-abc123");

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "running|Running[]",
        "lost|Lost[]",
        "absent|Absent[]",
        "finished 0|Finished[exitStatus=0]",
        "finished 100|Finished[exitStatus=100]",
        "'finished 137\n'|Finished[exitStatus=137]",
      })
  void parsesTheStateScriptsAnswers(String answer, String state) {
    assertThat(DetachedCommand.parseState(answer)).map(Object::toString).contains(state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "finished", "finished x", "finished 1 2", "done", "finished -1"})
  void rejectsAnythingElse(String answer) {
    assertThat(DetachedCommand.parseState(answer)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1install", "in stall", "a/b", "../x", "x;y"})
  void stepNamesCannotEscapeTheirDirectoryOrUnit(String step) {
    assertThatThrownBy(() -> DetachedSpec.of(RUN, step, List.of("true")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PATH", "1X", "A-B", "A B", ""})
  void environmentNamesAreShellNamesAndPathIsFixed(String name) {
    assertThatThrownBy(() -> new DetachedSpec(RUN, "install", List.of("true"), Map.of(name, "v")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUnitIsNamedAfterRunAndStep() {
    assertThat(DetachedCommand.unitName(RUN.value(), "install"))
        .isEqualTo("herd-20261125-170000-abc123-install");
  }

  @Test
  void aHandleSurvivesTheJournal() {
    DetachedHandle handle =
        new DetachedHandle(
            RUN.value(),
            "install",
            DetachedMode.SYSTEMD,
            "herd-x-install.service",
            4242,
            "/var/lib/herd/runs/x",
            false);
    assertThat(DetachedHandle.fromJson(handle.toJson())).isEqualTo(handle);
    assertThat(handle.log()).isEqualTo("/var/lib/herd/runs/x/install.log");
    assertThatThrownBy(() -> DetachedHandle.fromJson("{\"run\":1}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRunnerExportsTheEnvironmentQuoted() {
    String script =
        DetachedCommand.runnerScript(
            "/var/lib/herd/runs/r",
            DetachedSpec.of(RUN, "install", List.of("apt-get", "install", "-y", "a=1:2~b"))
                .withEnv("DEBIAN_FRONTEND", "noninteractive")
                .withEnv("HERD_NOTE", "it's"));
    assertThat(script)
        .contains("DEBIAN_FRONTEND=noninteractive\nexport DEBIAN_FRONTEND\n")
        .contains("HERD_NOTE='it'\\''s'\nexport HERD_NOTE\n")
        .contains("\napt-get install -y 'a=1:2~b'\nrc=$?\n");
  }

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

  @ParameterizedTest
  @ValueSource(strings = {"detached-start.sh", "detached-state.sh", "detached-follow.sh"})
  void shellcheckFindsNothingInTheHostScripts(String name) throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck is not installed");
    Path file = dir.resolve(name);
    Files.writeString(file, HostScripts.load(name));
    assertThat(run(List.of("/usr/bin/shellcheck", "-s", "sh", file.toString())))
        .isEqualTo(new Result(0, ""));
  }

  @Test
  void shellcheckFindsNothingInARunner() throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck is not installed");
    Path file = dir.resolve("runner.sh");
    Files.writeString(
        file,
        DetachedCommand.runnerScript(
            "/var/lib/herd/runs/r",
            DetachedSpec.of(RUN, "install", List.of("apt-get", "install", "-y", "x"))
                .withEnv("DEBIAN_FRONTEND", "noninteractive")));
    assertThat(run(List.of("/usr/bin/shellcheck", "-s", "sh", file.toString())))
        .isEqualTo(new Result(0, ""));
  }
}
