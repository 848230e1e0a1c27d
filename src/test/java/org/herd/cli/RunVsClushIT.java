package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code herd run -b} prints exactly what {@code clush -b} prints for the same fleet: one sshd on
 * four loopback ports behind thirteen ssh_config aliases (the command tells hosts apart by the port
 * it was reached on), plus one alias whose port is closed. Both tools run in the test.
 */
class RunVsClushIT {

  private static final Path FLEET_SCRIPT = Path.of("bench/fanout/loopback-fleet.sh");

  @TempDir Path dir;

  private Path fleet;
  private Path config;
  private String command;

  @BeforeEach
  void startFleet() throws Exception {
    require("root".equals(System.getProperty("user.name")), "sshd needs root");
    require(Files.isExecutable(Path.of("/usr/sbin/sshd")), "needs openssh-server");
    require(Files.isExecutable(Path.of("/usr/bin/clush")), "needs clustershell");
    fleet = dir.resolve("fleet");
    String printed = exec(List.of(FLEET_SCRIPT.toString(), "start", fleet.toString(), "13", "4"));
    config = Path.of(printed.strip());
    String[] ports = Files.readString(fleet.resolve("ports")).strip().split(" ");
    Files.writeString(
        config,
        "Host h14\n  HostName 127.0.0.1\n  Port "
            + closedPort()
            + "\n  User root\n  BatchMode yes\n",
        java.nio.file.StandardOpenOption.APPEND);
    // Ports 1..4 serve h1,h5,h9,h13 / h2,h6,h10 / h3,h7,h11 / h4,h8,h12.
    command =
        "p=$(echo $SSH_CONNECTION | cut -d' ' -f4); case $p in "
            + ports[0]
            + ") echo same;; "
            + ports[1]
            + ") echo same; exit 3;; "
            + ports[2]
            + ") echo other; echo second line;; "
            + "*) echo same; echo to stderr >&2;; esac";
  }

  @AfterEach
  void stopFleet() throws Exception {
    if (fleet != null) {
      exec(List.of(FLEET_SCRIPT.toString(), "stop", fleet.toString()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh", "openssh"})
  void gatheredOutputIsIdentical(String transport) throws Exception {
    assertSameStdout(transport, "-b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh", "openssh"})
  void lineModeOutputIsIdentical(String transport) throws Exception {
    assertSameStdout(transport, "-L");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ssh"})
  void gatheredOutputWithoutLabelsIsIdentical(String transport) throws Exception {
    assertSameStdout(transport, "-bN");
  }

  private void assertSameStdout(String transport, String mode) throws Exception {
    List<String> clush =
        new ArrayList<>(List.of("clush", "-o", "-F " + config, mode, "-w", "h[1-14]", command));
    String expected = exec(clush);
    // The fleet works as intended: several groups, not one error.
    assertThat(expected).contains("other").contains("second line").contains("same");
    CliRunner.Result herd =
        new CliRunner(dir, Map.of("HOME", dir.toString()))
            .run(
                "run",
                "--transport",
                transport,
                "--ssh-config",
                config.toString(),
                mode,
                "-w",
                "h[1-14]",
                command);
    assertThat(herd.out()).isEqualTo(expected);
    assertThat(herd.err())
        .contains("herd: h[2,6,10]: exited with exit code 3")
        .contains("herd: h14: connection refused");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** Runs a program and returns its stdout; its stderr is discarded (clush's ssh noise). */
  private String exec(List<String> argv) throws Exception {
    Process process =
        new ProcessBuilder(argv)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(argv + " did not finish");
    }
    return out;
  }
}
