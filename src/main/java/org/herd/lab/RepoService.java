package org.herd.lab;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts {@link RepoServer} as a detached JVM of its own (same java, only herd's classes on the
 * class path), records it in the journal and waits until it accepts connections.
 */
final class RepoService {

  static final String ROLE = "repo-server";

  private RepoService() {}

  static Resource.Proc start(
      StateJournal journal, Path labDir, String address, int port, ProcessRunner runner) {
    Path repo = labDir.resolve("repo");
    Resource.Proc pending = journal.record(new Resource.Proc(ROLE, 0, 0, repo.toString()));
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                "setsid",
                java,
                "-Xmx64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // Without it, a response that follows another on a kept-alive connection waits
                // for the client's delayed ACK (40 ms per apt request).
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                classPath(),
                RepoServer.class.getName(),
                repo.toString(),
                address,
                Integer.toString(port)));
    runner.prepare(builder);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(labDir.resolve("repo-server.log").toFile()));
    builder.redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw LabException.failed("repository server: cannot start: " + e.getMessage(), e);
    }
    Resource.Proc proc =
        journal.replace(pending, Processes.describe(ROLE, process.toHandle(), repo.toString()));
    Deadline deadline = Deadline.in(Duration.ofSeconds(30));
    while (deadline.pending()) {
      if (!process.isAlive()) {
        throw LabException.failed(
            "repository server: exited at start: " + lastLine(labDir.resolve("repo-server.log")));
      }
      if (accepts(address, port)) {
        return proc;
      }
      Container.sleep(Duration.ofMillis(100));
    }
    throw LabException.failed(
        "repository server: not listening on " + address + ":" + port + " after 30 s");
  }

  static boolean accepts(String address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Where {@link RepoServer} was loaded from: herd's jar, or its classes directory in a build. */
  private static String classPath() {
    try {
      return Path.of(RepoServer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw LabException.failed("repository server: cannot locate herd's classes", e);
    }
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
