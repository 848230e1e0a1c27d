package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd copy} in-process over the local transport. */
class CopyCommandTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of("HOME", dir.toString())).run(args);
  }

  @Test
  void copiesAFileKeepingItsModeWithP() throws Exception {
    Path source = Files.writeString(dir.resolve("motd"), "hello\n");
    Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r-----"));
    Path dest = Files.createDirectories(dir.resolve("etc"));
    CliRunner.Result result =
        herd("copy", "--transport", "local", "-w", "n1", "-p", "motd", "--dest", dest.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
    assertThat(dest.resolve("motd")).hasContent("hello");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("motd"))))
        .isEqualTo("rw-r-----");
  }

  @Test
  void rcopyNamesEachCopyAfterItsHost() throws Exception {
    Path source = Files.writeString(dir.resolve("hostname"), "same machine\n");
    Path back = Files.createDirectories(dir.resolve("back"));
    CliRunner.Result result =
        herd(
            "copy",
            "--transport",
            "local",
            "-w",
            "n[1-3]",
            "--rcopy",
            source.toString(),
            "--dest",
            "back");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(back.resolve("hostname.n1")).hasContent("same machine");
    assertThat(back.resolve("hostname.n3")).hasContent("same machine");
  }

  @Test
  void failuresAreFoldedPerHost() {
    CliRunner.Result result =
        herd(
            "copy",
            "--transport",
            "local",
            "-w",
            "n[1-2]",
            "--rcopy",
            dir.resolve("missing").toString(),
            "--dest",
            dir.toString());
    assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE.code());
    assertThat(result.err()).startsWith("herd: n[1-2]: ");
  }

  @Test
  void aMissingSourceIsAUsageError() {
    CliRunner.Result result =
        herd("copy", "--transport", "local", "-w", "n1", "nope", "--dest", "/tmp");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err()).isEqualTo("herd: nope: no such file or directory\n");
  }
}
