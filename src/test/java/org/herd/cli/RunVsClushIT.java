package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @TempDir Path dir;

  private LoopbackFleet fleet;
  private Path config;
  private String command;

  @BeforeEach
  void startFleet() throws Exception {
    fleet = LoopbackFleet.start(dir.resolve("fleet"), 13, 4);
    config = fleet.sshConfig();
    Files.writeString(
        config,
        "Host h14\n  HostName 127.0.0.1\n  Port "
            + closedPort()
            + "\n  User root\n  BatchMode yes\n",
        java.nio.file.StandardOpenOption.APPEND);
    // Ports 1..4 serve h1,h5,h9,h13 / h2,h6,h10 / h3,h7,h11 / h4,h8,h12.
    command =
        "p=$(echo $SSH_CONNECTION | cut -d' ' -f4); case $p in "
            + fleet.port(0)
            + ") echo same;; "
            + fleet.port(1)
            + ") echo same; exit 3;; "
            + fleet.port(2)
            + ") echo other; echo second line;; "
            + "*) echo same; echo to stderr >&2;; esac";
  }

  @AfterEach
  void stopFleet() throws Exception {
    if (fleet != null) {
      fleet.close();
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
    // clush's stderr (ssh's noise) is not compared; its exit code is that of the failing hosts.
    String expected = LoopbackFleet.run(clush, "").out();
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
}
