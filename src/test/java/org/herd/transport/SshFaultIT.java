package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.AcceptAllPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults a real sshd will not produce on demand, injected with MINA's embedded server on a loopback
 * port: a host that drops the TCP connection while a command runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshFaultIT {
  private SshServer server;
  private Path dir;
  private Path knownHosts;
  private Path clientKey;

  @BeforeAll
  void startServer() throws Exception {
    dir = Files.createTempDirectory("herd-fault-it");
    KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(session -> List.of(hostKey));
    // Test-only server: any key is accepted, every command is the fault below.
    server.setPublickeyAuthenticator(AcceptAllPublickeyAuthenticator.INSTANCE);
    server.setCommandFactory((channel, command) -> new DropsTheConnection());
    server.start();
    knownHosts =
        Files.writeString(
            dir.resolve("known_hosts"),
            "[127.0.0.1]:"
                + server.getPort()
                + " "
                + PublicKeyEntry.toString(hostKey.getPublic())
                + "\n");
    clientKey = OpenSshServer.keygen(dir.resolve("id_ed25519"), "ed25519", "");
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.stop(true);
    }
    if (dir != null) {
      TarCopy.deleteRecursively(dir);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = TransportKind.class,
      names = {"SSH", "OPENSSH"})
  void reportsAConnectionDroppedMidCommand(TransportKind kind, @TempDir Path home)
      throws Exception {
    Path config = home.resolve("ssh_config");
    Files.writeString(
        config,
        String.join(
            "\n",
            "Host flaky",
            "  HostName 127.0.0.1",
            "  Port " + server.getPort(),
            "  User tester",
            "  IdentityFile " + clientKey,
            "  IdentitiesOnly yes",
            "  UserKnownHostsFile " + knownHosts,
            ""));
    try (Transport transport =
        kind.create(TransportOptions.defaults(home, Map.of()).withSshConfig(config))) {
      Session session = transport.open(Endpoint.of("flaky"));
      CompletableFuture<Void> started = new CompletableFuture<>();
      Execution execution =
          session.start(
              RemoteCommand.of("long-job"),
              ExecOptions.defaults()
                  .withStdin(Stdin.open())
                  .withListener((stream, bytes, offset, length) -> started.complete(null)));
      started.get();
      // The server drops the connection once it reads this, after "started" has arrived.
      execution.stdin().write("go\n".getBytes(StandardCharsets.UTF_8));
      execution.stdin().flush();

      assertThatThrownBy(execution::await)
          .isInstanceOfSatisfying(
              TransportException.Disconnected.class,
              e -> {
                assertThat(e.host()).isEqualTo("flaky");
                assertThat(e.reason()).isEqualTo("connection lost");
                assertThat(e.partial().stdoutText()).isEqualTo("started\n");
              });
    }
  }

  /** Prints a line, reads one, then closes the TCP connection without any SSH goodbye. */
  private static final class DropsTheConnection implements Command {
    private InputStream in;
    private OutputStream out;

    @Override
    public void setExitCallback(ExitCallback callback) {}

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread job =
          new Thread(
              () -> {
                try {
                  out.write("started\n".getBytes(StandardCharsets.UTF_8));
                  out.flush();
                  in.read();
                } catch (IOException e) {
                  // dropped anyway
                }
                channel.getSession().getIoSession().close(true);
              });
      job.setDaemon(true);
      job.start();
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
