package org.herd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A throwaway SSH server on a loopback port that the {@code ./herd} launcher connects to once,
 * after a build, so that the class-data-sharing archive holds the classes of a real connection.
 *
 * <p>Why: without it the archive knows only the classes loaded up to a failed connect, and every
 * {@code herd run} then loads some 550 classes from the jar (MINA's session, channel and key
 * exchange, BouncyCastle's ed25519 and curve25519, the lambda forms they use) and spins their
 * lambda proxies again; docs/benchmarks-fanout.md has the measurement. Run as {@code java -cp
 * herd.jar org.herd.transport.CdsTrainingServer DIR}: it generates fresh ed25519 host and client
 * keys, accepts only that client key, answers every command with {@code ok} and exit status 0,
 * writes {@code DIR/ssh_config} (hosts {@code herd-cds-training*}) last, when it is ready, prints
 * its path, and stops when killed or after two minutes at the latest, so a launcher that dies
 * leaves nothing behind. It is a training aid only: nothing in herd's commands uses it.
 */
public final class CdsTrainingServer {
  /** The host alias that {@code DIR/ssh_config} defines. */
  public static final String HOST = "herd-cds-training";

  private static final long LIFETIME_SECONDS = 120;

  private CdsTrainingServer() {}

  /**
   * Starts the server for the directory in {@code args[0]} and keeps it running until killed or
   * until its lifetime is over.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CdsTrainingServer DIR");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(session -> List.of(hostKey));
    PublicKey accepted = clientKey.getPublic();
    server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(accepted, key));
    server.setCommandFactory((channel, command) -> new AnswersOk());
    server.start();
    try {
      writeClientFiles(dir, server.getPort(), hostKey.getPublic(), clientKey);
      TimeUnit.SECONDS.sleep(LIFETIME_SECONDS);
    } finally {
      server.stop(true);
    }
  }

  private static void writeClientFiles(Path dir, int port, PublicKey hostKey, KeyPair clientKey)
      throws IOException, GeneralSecurityException {
    Path identity = dir.resolve("id_ed25519");
    try (OutputStream out = Files.newOutputStream(identity)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, HOST, null, out);
    }
    Path knownHosts =
        Files.writeString(
            dir.resolve("known_hosts"),
            "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey) + "\n");
    String config =
        String.join(
            "\n",
            "Host " + HOST + "*",
            "  HostName 127.0.0.1",
            "  Port " + port,
            "  User herd",
            "  IdentityFile " + identity,
            "  IdentitiesOnly yes",
            "  UserKnownHostsFile " + knownHosts,
            "  StrictHostKeyChecking yes",
            "");
    Path pending = Files.writeString(dir.resolve("ssh_config.tmp"), config);
    Path ready = Files.move(pending, dir.resolve("ssh_config"), StandardCopyOption.ATOMIC_MOVE);
    // For a caller that reads our output instead of watching the directory.
    System.out.println(ready);
    System.out.flush();
  }

  /** Every command: prints {@code ok} and exits 0, without running anything. */
  private static final class AnswersOk implements Command {
    private OutputStream out;
    private ExitCallback exit;

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void setInputStream(InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread answer =
          new Thread(
              () -> {
                try {
                  out.write("ok\n".getBytes(StandardCharsets.US_ASCII));
                  out.flush();
                  exit.onExit(0);
                } catch (IOException e) {
                  exit.onExit(1, e.toString());
                }
              },
              "herd-cds-training-answer");
      answer.setDaemon(true);
      answer.start();
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
