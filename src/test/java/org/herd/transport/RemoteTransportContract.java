package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herd.Prerequisites.require;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the remote transports ({@code ssh} and {@code openssh}) must do beyond the common contract:
 * host-key policy, authentication (key types, encrypted keys, agent), connection failures and sudo,
 * all against a real OpenSSH server on a loopback port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteTransportContract {
  private Path serverDir;
  private OpenSshServer server;
  private Path clientKey;
  private Path knownHostsLine;
  private String ecdsaHostKeyLine;

  /** The transport under test. */
  protected abstract TransportKind kind();

  @BeforeAll
  void startServer() throws Exception {
    OpenSshServer.assumeAvailable();
    serverDir = Files.createTempDirectory("herd-remote-it");
    server = OpenSshServer.create(serverDir, "ed25519");
    clientKey = OpenSshServer.keygen(serverDir.resolve("id_ed25519"), "ed25519", "");
    // ed25519 is the key recorded by default; MINA alone would prefer the ECDSA one.
    ecdsaHostKeyLine = server.addHostKey("ecdsa");
    server.authorize(clientKey).start();
    knownHostsLine = Files.writeString(serverDir.resolve("known_hosts"), server.knownHostsLine());
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (serverDir != null) {
      TarCopy.deleteRecursively(serverDir);
    }
  }

  private TransportOptions options(Path home, Path config) {
    return TransportOptions.defaults(home, Map.of()).withSshConfig(config);
  }

  private String echo(Transport transport, String alias) throws Exception {
    return transport
        .open(Endpoint.of(alias))
        .run(RemoteCommand.of("echo", "ok"), ExecOptions.defaults())
        .stdoutText();
  }

  @Test
  void connectsWhenTheHostKeyIsKnown(@TempDir Path home) throws Exception {
    Path config = server.sshConfig("known", clientKey, knownHostsLine);

    try (Transport transport = kind().create(options(home, config))) {
      assertThat(echo(transport, "known")).isEqualTo("ok\n");
    }
  }

  /** herd leaves no connection behind it, not even an OpenSSH master with its ControlPersist. */
  @Test
  void closingTheTransportEndsEveryConnectionItOpened(@TempDir Path home) throws Exception {
    Path config = server.sshConfig("closing", clientKey, knownHostsLine);
    long before = server.connectionCount();

    try (Transport transport = kind().create(options(home, config))) {
      assertThat(echo(transport, "closing")).isEqualTo("ok\n");
    }

    List<String> ports = server.connectionPorts(before);
    assertThat(ports).isNotEmpty();
    server.awaitClosed(ports, Duration.ofSeconds(20));
  }

  @Test
  void connectsThroughAProxyJump(@TempDir Path home) throws Exception {
    // The server is its own jump host: the target is reached through a direct-tcpip channel.
    Path config = server.sshConfig("target-behind", clientKey, knownHostsLine, "ProxyJump bastion");
    Files.writeString(
        config,
        Files.readString(config)
            + Files.readString(server.sshConfig("bastion", clientKey, knownHostsLine)));
    long before = server.connectionCount();

    try (Transport transport = kind().create(options(home, config))) {
      assertThat(echo(transport, "target-behind")).isEqualTo("ok\n");
    }
    // One connection to the jump host, one (tunnelled) to the target; without the jump, one.
    assertThat(server.connectionCount() - before).as(server.log()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void asksForTheRecordedHostKeyTypeFirst(@TempDir Path home) throws Exception {
    Path onlyEd25519 = home.resolve("known_ed25519");
    Files.writeString(onlyEd25519, server.knownHostsLine());
    Path onlyEcdsa = Files.writeString(home.resolve("known_ecdsa"), ecdsaHostKeyLine);

    try (Transport transport =
        kind()
            .create(
                options(home, server.sshConfig("ed", clientKey, onlyEd25519))
                    .withSshConfig(
                        concat(
                            home,
                            server.sshConfig("ed", clientKey, onlyEd25519),
                            server.sshConfig("ec", clientKey, onlyEcdsa))))) {
      assertThat(echo(transport, "ed")).isEqualTo("ok\n");
      assertThat(echo(transport, "ec")).isEqualTo("ok\n");
    }
  }

  private static Path concat(Path home, Path... configs) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path config : configs) {
      text.append(Files.readString(config));
    }
    return Files.writeString(home.resolve("ssh_config_all"), text.toString());
  }

  @Test
  void acceptsAHashedKnownHostsEntry(@TempDir Path home) throws Exception {
    Path knownHosts = Files.writeString(home.resolve("known_hosts"), server.knownHostsLine());
    OpenSshServer.run("ssh-keygen", "-q", "-H", "-f", knownHosts.toString());
    assertThat(Files.readString(knownHosts)).startsWith("|1|");
    Path config = server.sshConfig("hashed", clientKey, knownHosts);

    try (Transport transport = kind().create(options(home, config))) {
      assertThat(echo(transport, "hashed")).isEqualTo("ok\n");
    }
  }

  @Test
  void refusesAnUnknownHostKey(@TempDir Path home) throws Exception {
    Path knownHosts = home.resolve("known_hosts");
    Path config = server.sshConfig("unknown", clientKey, knownHosts);

    try (Transport transport = kind().create(options(home, config))) {
      assertThatThrownBy(() -> transport.open(Endpoint.of("unknown")))
          .isInstanceOfSatisfying(
              TransportException.UnknownHostKey.class,
              e -> {
                assertThat(e.host()).isEqualTo("unknown");
                assertThat(e.reason()).isEqualTo("unknown host key");
              });
    }
    assertThat(knownHosts).doesNotExist();
  }

  @Test
  void recordsANewHostKeyWhenAskedTo(@TempDir Path home) throws Exception {
    Path knownHosts = home.resolve("ssh").resolve("known_hosts");
    Path config = server.sshConfig("fresh", clientKey, knownHosts);

    try (Transport transport = kind().create(options(home, config).withAcceptNewHostKeys(true))) {
      assertThat(echo(transport, "fresh")).isEqualTo("ok\n");
    }
    try (Transport strict = kind().create(options(home, config))) {
      assertThat(echo(strict, "fresh")).isEqualTo("ok\n");
    }
    assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + server.port() + " ");
  }

  @Test
  void recordsANewHostKeyWhenTheConfigSaysAcceptNew(@TempDir Path home) throws Exception {
    Path knownHosts = home.resolve("known_hosts");
    Path config =
        server.sshConfig("acceptnew", clientKey, knownHosts, "StrictHostKeyChecking accept-new");
    String text = Files.readString(config).replace("  StrictHostKeyChecking yes\n", "");
    Files.writeString(config, text);

    try (Transport transport = kind().create(options(home, config))) {
      assertThat(echo(transport, "acceptnew")).isEqualTo("ok\n");
    }
    assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + server.port() + " ");
  }

  @ParameterizedTest(name = "recorded {0}")
  @ValueSource(strings = {"ed25519", "ecdsa"})
  void refusesAChangedHostKeyNamingTheLine(String recordedType, @TempDir Path home)
      throws Exception {
    Path other = OpenSshServer.keygen(home.resolve("other"), recordedType, "");
    String[] pub = Files.readString(Path.of(other + ".pub")).trim().split(" ");
    Path knownHosts =
        Files.writeString(
            home.resolve("known_hosts"),
            "# a comment\nelsewhere.example ssh-ed25519 "
                + pub[1]
                + "\n[127.0.0.1]:"
                + server.port()
                + " "
                + pub[0]
                + " "
                + pub[1]
                + "\n");
    Path config = server.sshConfig("changed", clientKey, knownHosts);

    try (Transport transport = kind().create(options(home, config).withAcceptNewHostKeys(true))) {
      assertThatThrownBy(() -> transport.open(Endpoint.of("changed")))
          .isInstanceOfSatisfying(
              TransportException.HostKeyChanged.class,
              e -> {
                assertThat(e.reason()).isEqualTo("host key changed");
                assertThat(e.getMessage())
                    .startsWith("changed: ")
                    .contains(knownHosts + ":3")
                    .containsIgnoringCase(recordedType);
              });
    }
    assertThat(Files.readAllLines(knownHosts)).hasSize(3);
  }

  @Test
  void reportsRejectedKeys(@TempDir Path home) throws Exception {
    Path stranger = OpenSshServer.keygen(home.resolve("stranger"), "ed25519", "");
    Path config = server.sshConfig("stranger", stranger, knownHostsLine);

    try (Transport transport = kind().create(options(home, config))) {
      assertThatThrownBy(() -> transport.open(Endpoint.of("stranger")))
          .isInstanceOfSatisfying(
              TransportException.AuthFailed.class,
              e -> {
                assertThat(e.reason()).isEqualTo("authentication failed");
                assertThat(e.getMessage()).contains(server.user());
              });
    }
  }

  @Test
  void reportsARefusedConnection(@TempDir Path home) throws Exception {
    int closed = OpenSshServer.freePort();
    Path config = server.sshConfig("closed", clientKey, knownHostsLine);

    try (Transport transport = kind().create(options(home, config).withConnectAttempts(2))) {
      assertThatThrownBy(() -> transport.open(Endpoint.of("closed").withPort(closed)))
          .isInstanceOfSatisfying(
              TransportException.ConnectionRefused.class,
              e -> {
                assertThat(e.reason()).isEqualTo("connection refused");
                assertThat(e.getMessage()).contains(String.valueOf(closed));
              });
    }
  }

  @Test
  void givesUpOnAHostThatNeverAnswers(@TempDir Path home) throws Exception {
    Path config = server.sshConfig("silent", clientKey, knownHostsLine);
    // The kernel completes the TCP handshake into the backlog; nothing ever speaks SSH.
    try (ServerSocket silent = new ServerSocket()) {
      silent.bind(new InetSocketAddress("127.0.0.1", 0), 50);
      Endpoint endpoint =
          Endpoint.of("silent")
              .withPort(silent.getLocalPort())
              .withConnectTimeout(Duration.ofSeconds(2));

      try (Transport transport = kind().create(options(home, config).withConnectAttempts(1))) {
        assertThatThrownBy(() -> transport.open(endpoint))
            .isInstanceOfSatisfying(
                TransportException.ConnectTimedOut.class,
                e -> assertThat(e.reason()).isEqualTo("connect timeout"));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
  void authenticatesWithEachKeyType(String type, @TempDir Path home) throws Exception {
    Path key = OpenSshServer.keygen(serverDir.resolve("id_" + type + "_client"), type, "");
    server.authorize(key);
    Path config = server.sshConfig("key-" + type, key, knownHostsLine);

    try (Transport transport = kind().create(options(home, config))) {
      assertThat(echo(transport, "key-" + type)).isEqualTo("ok\n");
    }
  }

  @Test
  void asksForAPassphraseOncePerKey(@TempDir Path home) throws Exception {
    assumeTrue(kind() == TransportKind.SSH, "the openssh transport never prompts (BatchMode)");
    Path key = OpenSshServer.keygen(serverDir.resolve("id_encrypted"), "ed25519", "s3cret phrase");
    server.authorize(key);
    Path config = server.sshConfig("enc1", key, knownHostsLine);
    Files.writeString(
        config,
        Files.readString(config) + Files.readString(server.sshConfig("enc2", key, knownHostsLine)));
    AtomicInteger asked = new AtomicInteger();
    PassphraseProvider prompt =
        file -> {
          asked.incrementAndGet();
          assertThat(file).isEqualTo(key);
          return "s3cret phrase".toCharArray();
        };

    try (Transport transport = kind().create(options(home, config).withPassphrases(prompt))) {
      assertThat(echo(transport, "enc1")).isEqualTo("ok\n");
      assertThat(echo(transport, "enc2")).isEqualTo("ok\n");
    }
    assertThat(asked).hasValue(1);
  }

  @Test
  void authenticatesThroughTheAgent(@TempDir Path home) throws Exception {
    Path key = OpenSshServer.keygen(serverDir.resolve("id_agent"), "ecdsa", "");
    server.authorize(key);
    Path socket = home.resolve("agent.sock");
    Process agent =
        new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("agent.log").toFile())
            .start();
    try {
      for (int i = 0; i < 200 && !Files.exists(socket); i++) {
        Thread.sleep(25);
      }
      ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
      add.environment().put("SSH_AUTH_SOCK", socket.toString());
      Process adding = add.start();
      String added = new String(adding.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(adding.waitFor()).as(added).isZero();
      // No IdentityFile that works: only the agent can authenticate.
      Path config = server.sshConfig("agent", home.resolve("no-such-key"), knownHostsLine);
      Files.writeString(config, Files.readString(config).replace("  IdentitiesOnly yes\n", ""));
      Map<String, String> environment = new HashMap<>();
      environment.put("SSH_AUTH_SOCK", socket.toString());

      try (Transport withAgent =
              kind().create(TransportOptions.defaults(home, environment).withSshConfig(config));
          Transport withoutAgent = kind().create(options(home, config))) {
        assertThat(echo(withAgent, "agent")).isEqualTo("ok\n");
        assertThatThrownBy(() -> withoutAgent.open(Endpoint.of("agent")))
            .isInstanceOf(TransportException.AuthFailed.class);
      }
    } finally {
      agent.destroy();
      agent.waitFor();
    }
  }

  @Test
  void runsCommandsThroughSudoWithoutPassword(@TempDir Path home) throws Exception {
    Path config = server.sshConfig("sudo", clientKey, knownHostsLine);
    try (Sudoers sudoers = Sudoers.allow(server.user(), "NOPASSWD: ALL");
        Transport transport = kind().create(options(home, config))) {
      Session session = transport.open(Endpoint.of("sudo").withBecome(Become.SUDO));

      CommandResult root = session.run(RemoteCommand.of("id", "-un"), ExecOptions.defaults());
      CommandResult plain =
          session.run(
              RemoteCommand.of("id", "-un"), ExecOptions.defaults().withBecome(Become.NONE));
      CommandResult quoted =
          session.run(RemoteCommand.of("printf", "%s", "it's $HOME"), ExecOptions.defaults());
      CommandResult stdin =
          session.run(
              RemoteCommand.of("cat"),
              ExecOptions.defaults().withStdin(Stdin.of("in\n".getBytes(StandardCharsets.UTF_8))));

      assertThat(root.stdoutText()).isEqualTo("root\n");
      assertThat(root.stderrText()).isEmpty();
      assertThat(plain.stdoutText()).isEqualTo(server.user() + "\n");
      assertThat(quoted.stdoutText()).isEqualTo("it's $HOME");
      assertThat(stdin.stdoutText()).isEqualTo("in\n");
    }
  }

  @Test
  void sendsTheSudoPasswordOnlyWhenSudoAsks(@TempDir Path home) throws Exception {
    Path config = server.sshConfig("sudopw", clientKey, knownHostsLine);
    OpenSshServer.run("sh", "-c", "echo '" + server.user() + ":pw-4-sudo' | chpasswd");
    try (Sudoers sudoers = Sudoers.allow(server.user(), "ALL");
        Transport transport =
            kind().create(options(home, config).withBecomePassword("pw-4-sudo".toCharArray()));
        Transport wrong =
            kind().create(options(home, config).withBecomePassword("wrong".toCharArray()));
        Transport none = kind().create(options(home, config))) {
      Endpoint endpoint = Endpoint.of("sudopw").withBecome(Become.SUDO);
      Session session = transport.open(endpoint);

      CommandResult root =
          session.run(
              RemoteCommand.shell("id -un; cat"),
              ExecOptions.defaults()
                  .withStdin(Stdin.of("data\n".getBytes(StandardCharsets.UTF_8))));

      assertThat(root.stdoutText()).isEqualTo("root\ndata\n");
      assertThat(root.stderrText()).doesNotContain("pw-4-sudo").doesNotContain("@herd");
      assertThatThrownBy(
              () -> wrong.open(endpoint).run(RemoteCommand.of("id"), ExecOptions.defaults()))
          .isInstanceOfSatisfying(
              TransportException.BecomeFailed.class,
              e -> assertThat(e.reason()).isEqualTo("sudo: incorrect password"));
      assertThatThrownBy(
              () -> none.open(endpoint).run(RemoteCommand.of("id"), ExecOptions.defaults()))
          .isInstanceOfSatisfying(
              TransportException.BecomeFailed.class,
              e -> assertThat(e.reason()).isEqualTo("sudo: a password is required"));
    } finally {
      OpenSshServer.run("usermod", "--password", "*", server.user());
    }
  }

  /** A sudoers.d drop-in for the test user, removed on close. */
  record Sudoers(Path file) implements AutoCloseable {
    static Sudoers allow(String user, String rule) throws IOException, InterruptedException {
      require(Files.isExecutable(Path.of("/usr/bin/sudo")), "needs sudo (apt-get install sudo)");
      Path file = Path.of("/etc/sudoers.d", user);
      Files.writeString(file, user + " ALL=(ALL) " + rule + "\n");
      Sudoers sudoers = new Sudoers(file);
      try {
        Files.setPosixFilePermissions(
            file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----"));
        OpenSshServer.run("visudo", "-c", "-f", file.toString());
        return sudoers;
      } catch (IOException | RuntimeException e) {
        sudoers.close();
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      Files.deleteIfExists(file);
    }
  }
}
