package org.herd.cli;

import static org.herd.Prerequisites.require;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The loopback fleet of {@code bench/fanout/loopback-fleet.sh} for tests that run clush and herd on
 * the same hosts: one sshd on a few loopback ports behind ssh_config aliases {@code h1…hN} (alias
 * {@code hI} on port number {@code (I-1) mod PORTS}, so that a command tells hosts apart by the
 * port it was reached on). Stopped by {@link #close()}, by the PID the script recorded.
 */
final class LoopbackFleet implements AutoCloseable {

  private static final Path SCRIPT = Path.of("bench/fanout/loopback-fleet.sh");

  private final Path dir;
  private final Path sshConfig;
  private final String[] ports;

  private LoopbackFleet(Path dir, Path sshConfig, String[] ports) {
    this.dir = dir;
    this.sshConfig = sshConfig;
    this.ports = ports;
  }

  /**
   * Starts {@code hosts} aliases on {@code portCount} ports; skips (fails under CI) without sshd.
   */
  static LoopbackFleet start(Path dir, int hosts, int portCount) throws Exception {
    require("root".equals(System.getProperty("user.name")), "sshd needs root");
    require(Files.isExecutable(Path.of("/usr/sbin/sshd")), "needs openssh-server");
    require(Files.isExecutable(Path.of("/usr/bin/clush")), "needs clustershell");
    Output started =
        run(List.of(SCRIPT.toString(), "start", dir.toString(), "" + hosts, "" + portCount), "");
    return new LoopbackFleet(
        dir,
        Path.of(started.out().strip()),
        Files.readString(dir.resolve("ports")).strip().split(" "));
  }

  /** The ssh_config with the aliases. */
  Path sshConfig() {
    return sshConfig;
  }

  /** The port of alias {@code hI} is {@code port((I-1) % ports)}. */
  String port(int index) {
    return ports[index];
  }

  @Override
  public void close() throws Exception {
    run(List.of(SCRIPT.toString(), "stop", dir.toString()), "");
  }

  /** What a program printed and how it exited. */
  record Output(int exitCode, String out, String err) {}

  /** Runs a program with {@code input} on its standard input, within two minutes. */
  static Output run(List<String> argv, String input) throws Exception {
    Path err = Files.createTempFile("fleet", ".err");
    Path in = Files.createTempFile("fleet", ".in");
    Files.writeString(in, input);
    Process process =
        new ProcessBuilder(argv)
            .redirectError(err.toFile())
            .redirectInput(input.isEmpty() ? new File("/dev/null") : in.toFile())
            .start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError(argv + " did not finish");
      }
      return new Output(process.exitValue(), out, Files.readString(err));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(err);
      Files.deleteIfExists(in);
    }
  }
}
