package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./herd} launcher finds a JDK the way docs/cli.md says, on the built jar. */
class LauncherIT {

  private static final Path LAUNCHER = Path.of("herd").toAbsolutePath();
  private static final Path TEMURIN = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  @TempDir Path empty;

  private record Outcome(int code, String output) {}

  private Outcome launch(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(List.of("bash", LAUNCHER.toString(), "--version"));
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Outcome(process.exitValue(), output);
  }

  @Test
  void usesJavaHomeFirst() throws Exception {
    require(Files.isExecutable(TEMURIN.resolve("bin/java")), "no Temurin 25 on this machine");
    Outcome outcome = launch(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", TEMURIN.toString()));
    assertThat(outcome.code()).isZero();
    assertThat(outcome.output()).contains("herd ").contains("Java 25");
  }

  @Test
  void usesJavaOnThePathWithoutJavaHome() throws Exception {
    Outcome outcome = launch(Map.of("PATH", "/usr/bin:/bin"));
    assertThat(outcome.code()).isZero();
    assertThat(outcome.output()).contains("Java " + Runtime.version().feature());
  }

  @Test
  void fallsBackToTheNewestJdkUnderTheJvmDirectory() throws Exception {
    require(Files.isExecutable(TEMURIN.resolve("bin/java")), "no Temurin 25 on this machine");
    Path jvms = Files.createDirectories(empty.resolve("jvm"));
    Files.createSymbolicLink(jvms.resolve("temurin-25"), TEMURIN);
    // No java on this PATH: only the JVM directory can supply one.
    Path bin = Files.createDirectories(empty.resolve("bin"));
    for (String tool : List.of("readlink", "ls", "sort", "find", "dirname", "rm")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
    }
    Outcome outcome = launch(Map.of("PATH", bin.toString(), "HERD_JVM_DIR", jvms.toString()));
    assertThat(outcome.code()).as(outcome.output()).isZero();
    assertThat(outcome.output()).contains("Java 25");
  }

  @Test
  void namesTheDebianPackageWhenNoJdkExists() throws Exception {
    Path bin = Files.createDirectories(empty.resolve("bin"));
    for (String tool : List.of("readlink", "ls", "sort")) {
      Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
    }
    Outcome outcome =
        launch(Map.of("PATH", bin.toString(), "HERD_JVM_DIR", empty.resolve("none").toString()));
    assertThat(outcome.code()).isEqualTo(ExitCode.UNAVAILABLE.code());
    assertThat(outcome.output().strip())
        .startsWith("herd: ")
        .contains("apt-get install default-jdk-headless");
  }
}
