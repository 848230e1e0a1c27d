package org.herd.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code herd serve} (the built jar) on a free loopback port, started as an operator would
 * start it, with one token; what it says on stderr is kept for failures' messages. Closing it sends
 * SIGTERM, as systemd would.
 */
final class ServeProcess implements AutoCloseable {

  private final Process process;
  private final String url;
  private final StringBuffer said = new StringBuffer();

  private ServeProcess(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /**
   * Starts {@code herd --inventory INVENTORY serve} in {@code dir} with {@code env} added, and
   * {@code NAME TOKEN} as its only token; returns once it serves.
   */
  static ServeProcess start(
      Path dir, Map<String, String> env, Path inventory, String name, String token)
      throws Exception {
    Path tokens = dir.resolve("tokens");
    Files.writeString(tokens, name + " " + token + "\n");
    Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rw-------"));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target/herd.jar").toAbsolutePath().toString(),
                "--inventory",
                inventory.toString(),
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--tokens",
                tokens.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    InputStream stderr = process.getErrorStream();
    String line = readLine(stderr);
    String prefix = "herd: serving on ";
    if (!line.startsWith(prefix + "http://127.0.0.1:")) {
      process.destroyForcibly();
      throw new AssertionError("herd serve did not start: " + line);
    }
    ServeProcess serve = new ServeProcess(process, line.substring(prefix.length()));
    Thread drain =
        new Thread(
            () -> {
              try {
                for (String l = readLine(stderr); !l.isEmpty(); l = readLine(stderr)) {
                  serve.said.append(l).append('\n');
                }
              } catch (Exception e) {
                // the server ended
              }
            },
            "herd-serve-stderr");
    drain.setDaemon(true);
    drain.start();
    return serve;
  }

  /** {@code http://127.0.0.1:PORT} */
  String url() {
    return url;
  }

  /** What the server said on stderr after its first line. */
  String said() {
    return said.toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
      line.append((char) c);
    }
    return new String(
        line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
