package org.herd.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Two real sshd on loopback for the proxy tests: a bastion and a target, one client key authorized
 * on both, and a known_hosts that records the target under the name {@code target.invalid} (which
 * no resolver knows: only a proxy that maps it reaches the target under that name).
 */
final class Bastion implements AutoCloseable {
  final Path dir;
  final OpenSshServer bastion;
  final OpenSshServer target;
  final Path clientKey;
  final Path knownHosts;

  private Bastion(Path dir, OpenSshServer bastion, OpenSshServer target, Path clientKey)
      throws Exception {
    this.dir = dir;
    this.bastion = bastion;
    this.target = target;
    this.clientKey = clientKey;
    String targetLine = target.knownHostsLine();
    this.knownHosts =
        Files.writeString(
            dir.resolve("known_hosts"),
            bastion.knownHostsLine()
                + targetLine
                + targetLine.replace("[127.0.0.1]:", "[target.invalid]:"));
  }

  /** Starts both servers (skips, or fails under CI, without sshd or root). */
  static Bastion start() throws Exception {
    OpenSshServer.assumeAvailable();
    Path dir = Files.createTempDirectory("herd-bastion-it");
    // sshd reads each server's authorized_keys as its login user: the path must be searchable.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    OpenSshServer bastion = null;
    OpenSshServer target = null;
    try {
      bastion = OpenSshServer.create(Files.createDirectory(dir.resolve("bastion")), "ed25519");
      target = OpenSshServer.create(Files.createDirectory(dir.resolve("target")), "ed25519");
      Path key = OpenSshServer.keygen(dir.resolve("id_ed25519"), "ed25519", "");
      bastion.authorize(key).start();
      target.authorize(key).start();
      return new Bastion(dir, bastion, target, key);
    } catch (Exception | Error e) {
      close(bastion, target, dir);
      throw e;
    }
  }

  /** The ssh_config lines of a host block: its address, user, key and strict host keys. */
  String block(String alias, String hostName, OpenSshServer server, String... extra) {
    StringBuilder text =
        new StringBuilder()
            .append("Host ")
            .append(alias)
            .append("\n  HostName ")
            .append(hostName)
            .append("\n  Port ")
            .append(server.port())
            .append("\n  User ")
            .append(server.user())
            .append("\n  IdentityFile ")
            .append(clientKey)
            .append("\n  IdentitiesOnly yes\n  UserKnownHostsFile ")
            .append(knownHosts)
            .append("\n  StrictHostKeyChecking yes\n  BatchMode yes\n");
    for (String line : extra) {
      text.append("  ").append(line).append('\n');
    }
    return text.toString();
  }

  /** Writes an ssh_config: the bastion's block, then {@code blocks}. */
  Path config(String name, String... blocks) throws Exception {
    StringBuilder text = new StringBuilder(block("bastion", "127.0.0.1", bastion));
    for (String block : blocks) {
      text.append(block);
    }
    return Files.writeString(dir.resolve(name), text.toString());
  }

  /**
   * The ProxyCommand that reaches the target through the bastion, whatever the name asked, with the
   * bastion's block from the config file {@code name}.
   */
  String proxyCommand(String name) {
    return "ssh -F " + dir.resolve(name) + " -W 127.0.0.1:%p bastion";
  }

  @Override
  public void close() throws Exception {
    close(bastion, target, dir);
  }

  private static void close(OpenSshServer bastion, OpenSshServer target, Path dir)
      throws Exception {
    if (bastion != null) {
      bastion.close();
    }
    if (target != null) {
      target.close();
    }
    TarCopy.deleteRecursively(dir);
  }
}
