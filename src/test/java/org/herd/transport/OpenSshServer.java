package org.herd.transport;

import static org.herd.Prerequisites.require;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real OpenSSH server for integration tests: its own host key, config and authorized_keys in a
 * temporary directory, listening on a free loopback port, stopped by PID. Tests that use it skip
 * (JUnit assumptions) when {@code /usr/sbin/sshd} is missing or the tests do not run as root.
 */
final class OpenSshServer implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Path dir;
  private final int port;
  private final Path log;
  private final Path hostKey;
  private final java.util.List<Path> extraHostKeys = new java.util.ArrayList<>();
  private final String user;
  private Process process;

  private OpenSshServer(Path dir, int port, String hostKeyType) throws Exception {
    this.dir = dir;
    this.port = port;
    // A user of our own, with /bin/sh as login shell: root's shell startup files on a developer
    // machine (pyenv, cargo) can cost seconds per command, and sudo tests need a non-root user.
    this.user = "herd-it-" + port;
    // Password "*": no password, but not "locked" (sshd without PAM refuses locked accounts).
    run("useradd", "--create-home", "--shell", "/bin/sh", "--password", "*", user);
    this.log = dir.resolve("sshd.log");
    this.hostKey = dir.resolve("host_" + hostKeyType);
    // sshd reads authorized_keys as the user: the directory must be searchable by it.
    java.nio.file.Files.setPosixFilePermissions(
        dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    keygen(hostKey, hostKeyType, "");
    Files.writeString(dir.resolve("authorized_keys"), "");
  }

  /** Skips the calling test unless sshd can run here. */
  static void assumeAvailable() {
    require(Files.isExecutable(SSHD), "needs " + SSHD + " (apt-get install openssh-server)");
    require(
        "root".equals(System.getProperty("user.name")),
        "needs root: sshd logs users in only when it runs as root");
  }

  /** Creates the server's files in {@code dir} (not started yet). */
  static OpenSshServer create(Path dir, String hostKeyType) throws Exception {
    assumeAvailable();
    return new OpenSshServer(dir, freePort(), hostKeyType);
  }

  /** A port nothing listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  /** The login user the server's clients use (created for this server, deleted by close). */
  String user() {
    return user;
  }

  /** Runs a command (as root) and fails with its output when it fails. */
  static String run(String... argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", argv) + " failed: " + out);
    }
    return out;
  }

  /** Generates a key pair with ssh-keygen ({@code passphrase} "" for none). */
  static Path keygen(Path file, String type, String passphrase) throws Exception {
    List<String> argv =
        new ArrayList<>(
            List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-f", file.toString()));
    if (type.equals("rsa")) {
      argv.addAll(List.of("-b", "3072"));
    }
    Process keygen = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keygen.waitFor() != 0) {
      throw new IOException("ssh-keygen failed: " + out);
    }
    return file;
  }

  /** Allows a client public key ({@code key.pub} next to {@code key}). */
  OpenSshServer authorize(Path privateKey) throws IOException {
    Files.writeString(
        dir.resolve("authorized_keys"),
        Files.readString(Path.of(privateKey + ".pub")),
        java.nio.file.StandardOpenOption.APPEND);
    return this;
  }

  /** Gives the server a second host key (before {@link #start()}); returns its known_hosts line. */
  String addHostKey(String type) throws Exception {
    Path key = keygen(dir.resolve("host_extra_" + type), type, "");
    extraHostKeys.add(key);
    String[] pub = Files.readString(Path.of(key + ".pub")).trim().split(" ");
    return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n";
  }

  /** Starts sshd and waits until it accepts connections. */
  OpenSshServer start() throws Exception {
    Path config = dir.resolve("sshd_config");
    Files.writeString(
        config,
        String.join(
            "\n",
            "ListenAddress 127.0.0.1",
            "HostKey " + hostKey,
            extraHostKeys.stream()
                .map(k -> "HostKey " + k)
                .collect(java.util.stream.Collectors.joining("\n")),
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PidFile none",
            "StrictModes no",
            "UsePAM no",
            "PermitRootLogin yes",
            "LogLevel VERBOSE",
            "MaxStartups 200:30:400",
            "MaxSessions 200",
            ""));
    Files.createDirectories(Path.of("/run/sshd"));
    process =
        new ProcessBuilder(SSHD.toString(), "-f", config.toString(), "-D", "-e", "-p", "" + port)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    for (int i = 0; i < 200; i++) {
      if (!process.isAlive()) {
        throw new IOException("sshd exited: " + Files.readString(log));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        Thread.sleep(25);
      }
    }
    throw new IOException("sshd did not listen on " + port + ": " + Files.readString(log));
  }

  int port() {
    return port;
  }

  Path dir() {
    return dir;
  }

  /** The known_hosts line for this server's host key. */
  String knownHostsLine() throws IOException {
    String[] pub = Files.readString(Path.of(hostKey + ".pub")).trim().split(" ");
    return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1] + "\n";
  }

  /** The host key's type as ssh names it ({@code ssh-ed25519}). */
  String hostKeyType() throws IOException {
    return Files.readString(Path.of(hostKey + ".pub")).trim().split(" ")[0];
  }

  /** Connections accepted so far, from sshd's log. */
  long connectionCount() throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains("Connection from")).count();
  }

  /** The client ports of the connections sshd accepted after its first {@code skip} ones. */
  List<String> connectionPorts(long skip) throws IOException {
    return Files.readAllLines(log).stream()
        .filter(l -> l.contains("Connection from"))
        .skip(skip)
        .map(l -> l.replaceAll(".*Connection from \\S+ port (\\d+).*", "$1"))
        .toList();
  }

  /**
   * Waits until sshd has logged the end of the connection from each of {@code ports}, polling its
   * log; fails with the log after {@code timeout}.
   */
  void awaitClosed(List<String> ports, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> lines = Files.readAllLines(log);
      List<String> open =
          ports.stream()
              .filter(
                  port ->
                      lines.stream()
                          .noneMatch(
                              l ->
                                  l.matches(
                                      ".*(Disconnected from|Connection closed by|Received"
                                          + " disconnect from|Connection reset by)\\b.* port "
                                          + port
                                          + "\\b.*")))
              .toList();
      if (open.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("connections from ports " + open + " still open:\n" + log());
      }
      Thread.sleep(100);
    }
  }

  /** sshd's log so far, for failure messages. */
  String log() throws IOException {
    return Files.readString(log);
  }

  /**
   * Writes an ssh_config with one {@code Host alias} for this server, its user, strict host keys
   * and the given identity; {@code extra} lines go into the Host block.
   */
  Path sshConfig(String alias, Path identity, Path knownHosts, String... extra) throws IOException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "Host " + alias,
                "  HostName 127.0.0.1",
                "  Port " + port,
                "  User " + user,
                "  UserKnownHostsFile " + knownHosts,
                "  StrictHostKeyChecking yes"));
    if (identity != null) {
      lines.add("  IdentityFile " + identity);
      lines.add("  IdentitiesOnly yes");
    }
    for (String line : extra) {
      lines.add("  " + line);
    }
    Path file = dir.resolve("ssh_config_" + alias);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** Stops sshd and the session processes it forked (all started by this test). */
  @Override
  public void close() {
    if (process != null) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      // Processes a test left behind (all started by this test, as its user) keep userdel from
      // removing the user: end them by PID.
      Process list = new ProcessBuilder("pgrep", "-u", user).start();
      for (String pid :
          new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\s+")) {
        if (!pid.isBlank()) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
      list.waitFor();
      run("userdel", "--remove", user);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
