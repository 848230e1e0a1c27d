package org.herd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real herd process started from the built jar ({@code target/herd.jar}), as an operator's shell
 * would start it, whose {@code --json} events a test reads one by one and which it may kill with
 * SIGKILL at any of them. Closing it kills it if it still runs.
 */
final class HerdProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode END = JSON.createObjectNode().put("event", "(end of output)");

  private final Process process;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();
  private final Thread outReader;
  private final Thread errReader;

  private HerdProcess(Process process) {
    this.process = process;
    this.outReader = reader(process.getInputStream(), out, true);
    this.errReader = reader(process.getErrorStream(), err, false);
  }

  /** Starts {@code herd args…} in {@code directory} with {@code env} added to this JVM's. */
  static HerdProcess start(Path directory, Map<String, String> env, List<String> args)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar().toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(env);
    return new HerdProcess(builder.start());
  }

  private static Path jar() {
    return Path.of("target/herd.jar").toAbsolutePath();
  }

  private Thread reader(InputStream stream, StringBuffer into, boolean parseEvents) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  into.append(line).append('\n');
                  if (parseEvents && line.startsWith("{")) {
                    events.add(JSON.readTree(line));
                  }
                }
              } catch (IOException e) {
                into.append("(reading failed: ").append(e.getMessage()).append(")\n");
              } finally {
                if (parseEvents) {
                  events.add(END);
                }
              }
            },
            "herd-process-" + (parseEvents ? "out" : "err"));
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Waits for the next event that {@code wanted} accepts, skipping the others.
   *
   * @return the event, or null when the process ended (or {@code within} passed) first
   */
  JsonNode await(Predicate<JsonNode> wanted, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event == null || event == END) {
        return null;
      }
      if (wanted.test(event)) {
        return event;
      }
    }
  }

  /** Kills the process with SIGKILL, as a crash would, and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    joinReaders();
  }

  /** Waits for the process to end by itself; its exit code. */
  int waitFor(Duration within) throws InterruptedException {
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("herd still runs after " + within + "; stderr:\n" + err);
    }
    joinReaders();
    return process.exitValue();
  }

  private void joinReaders() throws InterruptedException {
    outReader.join(Duration.ofSeconds(30).toMillis());
    errReader.join(Duration.ofSeconds(30).toMillis());
  }

  long pid() {
    return process.pid();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
