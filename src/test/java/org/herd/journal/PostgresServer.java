package org.herd.journal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for integration tests, made with Debian's own binaries ({@code
 * initdb}, {@code pg_ctl}) in a temporary directory and listening only on 127.0.0.1 at a free port.
 * It never touches the system cluster under {@code /var/lib/postgresql}. initdb refuses to run as
 * root, so as root every command runs as the {@code postgres} user through {@code runuser}. {@link
 * #close()} stops the server (by {@code pg_ctl stop}, else by the postmaster's pid) and deletes the
 * directory; a shutdown hook does the same if the JVM ends first.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
  private static final String SUPERUSER = "herd";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgres;
  private final AtomicInteger databases = new AtomicInteger();
  private final Thread shutdownHook = new Thread(this::stop, "postgres-test-stop");

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgres) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Where initdb and pg_ctl are: version 15 (Debian 12) if present, else the newest installed. */
  public static Optional<Path> binaries() {
    Path preferred = DEBIAN_BINARIES.resolve("15/bin");
    if (usable(preferred)) {
      return Optional.of(preferred);
    }
    if (!Files.isDirectory(DEBIAN_BINARIES)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
      return versions
          .filter(version -> version.getFileName().toString().matches("[0-9]+"))
          .max(
              Comparator.comparingInt(
                  version -> Integer.parseInt(version.getFileName().toString())))
          .map(version -> version.resolve("bin"))
          .filter(PostgresServer::usable);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean usable(Path bin) {
    return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
  }

  /** Creates and starts a cluster; stops and deletes it again if starting fails. */
  public static PostgresServer start(Path bin) throws IOException, InterruptedException {
    boolean asPostgres = JournalLocation.currentUid() == 0;
    Path dir = Files.createTempDirectory("herd-pg-");
    if (asPostgres) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
    }
    PostgresServer server = new PostgresServer(bin, dir, freePort(), asPostgres);
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    try {
      server.initAndStart();
      return server;
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private void initAndStart() throws IOException, InterruptedException {
    run(
        bin.resolve("initdb").toString(),
        "-D",
        data().toString(),
        "-U",
        SUPERUSER,
        "--auth=trust",
        "--encoding=UTF8",
        "--no-locale",
        "--no-sync");
    run(
        bin.resolve("pg_ctl").toString(),
        "-D",
        data().toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-w",
        "-t",
        "60",
        "-o",
        "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir + " -c fsync=off",
        "start");
  }

  /** A new, empty database of its own for one test. */
  public JournalLocation newDatabase() throws SQLException {
    String name = "journal_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(url("postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return JournalLocation.parse(url(name));
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and runs the hook itself
    }
  }

  private synchronized void stop() {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      if (Files.exists(data().resolve("postmaster.pid"))) {
        try {
          run(
              bin.resolve("pg_ctl").toString(),
              "-D",
              data().toString(),
              "-m",
              "fast",
              "-w",
              "stop");
        } catch (IOException e) {
          killPostmaster();
        }
      }
      deleteRecursively(dir);
    } catch (IOException e) {
      System.err.println("could not clean up " + dir + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killPostmaster();
    }
  }

  // The server this object started, by the pid it wrote; never by name.
  private void killPostmaster() {
    try {
      long pid =
          Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    } catch (IOException | RuntimeException e) {
      System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e);
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    if (asPostgres) {
      argv.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    argv.addAll(List.of(command));
    Path output = Files.createTempFile("herd-pg-cmd-", ".log");
    try {
      Process process =
          new ProcessBuilder(argv)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .directory(dir.toFile())
              .start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", argv) + ": no answer in 2 minutes");
      }
      if (process.exitValue() != 0) {
        String log =
            Files.exists(dir.resolve("server.log"))
                ? Files.readString(dir.resolve("server.log"))
                : "";
        throw new IOException(
            String.join(" ", argv)
                + " exited "
                + process.exitValue()
                + ":\n"
                + Files.readString(output)
                + log);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
