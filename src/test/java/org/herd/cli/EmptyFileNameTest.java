package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An empty file name, wherever a command takes a file, is one line naming the option or parameter
 * and exit 2 (not "a directory, not a file": {@code Path.of("")} is the working directory).
 */
class EmptyFileNameTest {

  @TempDir Path dir;

  static Stream<Arguments> emptyNames() {
    return Stream.of(
        row(
            "herd apply: Invalid value for positional parameter at index 0 (PLAN): the file name is"
                + " empty (see 'herd apply --help')",
            "apply",
            ""),
        row(
            "herd apply: Invalid value for option '--recipes' (DIR): the file name is empty (see 'herd"
                + " apply --help')",
            "apply",
            "--recipes",
            "",
            "plan.json"),
        row(
            "herd: Invalid value for option '--inventory': the file name is empty (see 'herd"
                + " --help')",
            "--inventory",
            "",
            "status"),
        row(
            "herd: --inventory: the file name is empty (`ansible:`)",
            "--inventory",
            "ansible:",
            "inventory",
            "check"),
        row(
            "herd status: Invalid value for option '--ssh-config': the file name is empty (see"
                + " 'herd status --help')",
            "status",
            "--ssh-config",
            ""),
        row(
            "herd: -o -F '': ssh argument `-F`: the file name is empty",
            "run",
            "--transport",
            "local",
            "-w",
            "a",
            "-o",
            "-F ''",
            "true"),
        row(
            "herd run: Invalid value for option '--machinefile' (FILE): the file name is empty"
                + " (see 'herd run --help')",
            "run",
            "--hostfile",
            "",
            "true"),
        row(
            "herd run: Invalid value for option '--commands-file': the file name is empty (see"
                + " 'herd run --help')",
            "run",
            "-w",
            "a",
            "--commands-file",
            ""),
        row(
            "herd plan: Invalid value for option '--output': the file name is empty (see 'herd"
                + " plan --help')",
            "plan",
            "-o",
            ""),
        row(
            "herd inventory import: Invalid value for positional parameter at index 0 (SOURCE): the"
                + " file name is empty (see 'herd inventory import --help')",
            "inventory",
            "import",
            ""),
        row(
            "herd: inventory import: the file name is empty (`clush:`)",
            "inventory",
            "import",
            "clush:"),
        row(
            "herd simulate: Invalid value for positional parameter at index 0 (FLEET.yaml): the"
                + " file name is empty (see 'herd simulate --help')",
            "simulate",
            ""),
        row(
            "herd recipe check: Invalid value for positional parameter at index 0..* (FILE): the"
                + " file name is empty (see 'herd recipe check --help')",
            "recipe",
            "check",
            ""),
        row(
            "herd copy: Invalid value for option '--dest': the file name is empty (see 'herd copy"
                + " --help')",
            "copy",
            "-w",
            "a",
            "--dest",
            "",
            "f"),
        row(
            "herd copy: Invalid value for positional parameter at index 0..* (SRC): the file name"
                + " is empty (see 'herd copy --help')",
            "copy",
            "-w",
            "a",
            ""),
        row(
            "herd serve: Invalid value for option '--tokens': the file name is empty (see 'herd"
                + " serve --help')",
            "serve",
            "--tokens",
            ""),
        row(
            "herd runs: Invalid value for option '--journal': the file name is empty (see 'herd"
                + " runs --help')",
            "runs",
            "--journal",
            ""));
  }

  private static Arguments row(String line, String... args) {
    return Arguments.of(line, args);
  }

  @ParameterizedTest
  @MethodSource("emptyNames")
  void isOneLineNamingTheOptionAndExit2(String line, String[] args) {
    CliRunner.Result result = new CliRunner(dir, Map.of("HOME", dir.toString())).run(args);

    assertThat(result.err()).isEqualTo(line + "\n");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @ParameterizedTest
  @MethodSource("inventories")
  void anEmptyFileInAnInventoryIsAProblemAtItsPlace(String inventory, String line)
      throws Exception {
    Files.writeString(dir.resolve("hosts"), inventory);

    CliRunner.Result result =
        new CliRunner(dir, Map.of("HOME", dir.toString()))
            .run(
                "--inventory",
                inventory.startsWith("hosts:") ? "hosts" : "ansible:hosts",
                "inventory",
                "check");

    assertThat(result.err()).isEqualTo(line + "\n");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  static Stream<Arguments> inventories() {
    return Stream.of(
        Arguments.of(
            "hosts:\n  a:\n    ssh_config: \"\"\n",
            "herd: hosts:3:17: `ssh_config`: the file name is empty"),
        Arguments.of(
            "hosts:\n  a: {identity_file: ''}\n",
            "herd: hosts:2:22: `identity_file`: the file name is empty"),
        Arguments.of(
            "[web]\nw1 ansible_ssh_common_args=\"-i ''\"\n",
            "herd: hosts:2:4: ansible_ssh_common_args: ssh argument `-i`: the file name is empty"));
  }

  @org.junit.jupiter.api.Test
  void anEmptyInventoryVariableIsUnsetButOneNamingNoFileIsRefused() {
    CliRunner.Result result =
        new CliRunner(dir, Map.of("HOME", dir.toString(), "HERD_INVENTORY", "ansible:"))
            .run("inventory", "check");

    assertThat(result.err())
        .isEqualTo("herd: HERD_INVENTORY: the file name is empty (`ansible:`)\n");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
  }
}
