package org.herd.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the machine's own tools (ip, mount, debootstrap, dpkg-deb, gpg…) and gathers their output.
 *
 * <p>The lab drives the machine through these programs rather than through system calls so that
 * every action it takes can be replayed by hand from {@code --debug} output and from docs/lab.md.
 */
public final class ProcessRunner {

  /** What a finished command printed and returned. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /** Whether the command exited with status 0. */
    public boolean ok() {
      return exitCode == 0;
    }

    /** Throws a {@link LabException} naming the command and its last stderr line unless ok. */
    public Result orThrow() {
      if (!ok()) {
        throw LabException.failed(describe());
      }
      return this;
    }

    /** One line: the command, its exit status and the end of its error output. */
    public String describe() {
      String why = lastLines(stderr.isBlank() ? stdout : stderr, 3);
      return String.join(" ", command.subList(0, Math.min(command.size(), 6)))
          + (command.size() > 6 ? " …" : "")
          + ": exit "
          + exitCode
          + (why.isEmpty() ? "" : ": " + why);
    }

    private static String lastLines(String text, int count) {
      List<String> lines = text.strip().lines().toList();
      return String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
  }

  private final Map<String, String> environment;
  private final Duration defaultTimeout;

  /** A runner whose commands get {@code environment} added to a minimal, predictable one. */
  public ProcessRunner(Map<String, String> environment, Duration defaultTimeout) {
    this.environment = Map.copyOf(environment);
    this.defaultTimeout = defaultTimeout;
  }

  /** A runner with the lab's usual environment and a 10-minute limit per command. */
  public static ProcessRunner standard() {
    return new ProcessRunner(Map.of(), Duration.ofMinutes(10));
  }

  /** Runs {@code command} and returns its result, whatever its exit status. */
  public Result run(List<String> command) {
    return run(command, null, null, defaultTimeout);
  }

  /** Runs {@code command} and throws unless it exits with status 0. */
  public Result check(List<String> command) {
    return run(command).orThrow();
  }

  /** Runs {@code command} with {@code stdin} as its input and throws unless it succeeds. */
  public Result checkWithInput(List<String> command, String stdin) {
    return run(command, stdin, null, defaultTimeout).orThrow();
  }

  /**
   * Runs {@code command} in {@code directory} (or the current one when null), feeding it {@code
   * stdin} (or nothing), and kills it after {@code timeout}.
   */
  public Result run(List<String> command, String stdin, Path directory, Duration timeout) {
    return run(command, stdin, directory, timeout, handle -> {});
  }

  /** As {@link #run(List, String, Path, Duration)}, telling {@code started} the new process. */
  public Result run(
      List<String> command,
      String stdin,
      Path directory,
      Duration timeout,
      java.util.function.Consumer<ProcessHandle> started) {
    ProcessBuilder builder = new ProcessBuilder(command);
    prepare(builder);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw LabException.failed(command.get(0) + ": cannot run: " + e.getMessage(), e);
    }
    started.accept(process.toHandle());
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try (var input = process.getOutputStream()) {
      if (stdin != null) {
        input.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // The command may exit without reading its input; its exit status tells what happened.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor();
        throw LabException.failed(
            String.join(" ", command) + ": timed out after " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw LabException.failed(command.get(0) + ": interrupted", e);
    }
    return new Result(List.copyOf(command), process.exitValue(), out.join(), err.join());
  }

  /** Prepares {@code builder} with the lab's environment (used also for detached processes). */
  public void prepare(ProcessBuilder builder) {
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("LC_") || key.equals("LANGUAGE"));
    env.put("LANG", "C.UTF-8");
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("DEBIAN_FRONTEND", "noninteractive");
    env.putAll(environment);
  }

  // A thread per stream, not the common pool: on a two-core machine the pool has one worker, and
  // a command that fills its stderr pipe while stdout is being drained would never finish.
  private static CompletableFuture<String> drain(java.io.InputStream stream) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                text.complete("");
              }
            },
            "lab-output");
    reader.setDaemon(true);
    reader.start();
    return text;
  }

  /** Convenience for building command lines: {@code cmd("ip", "link", …)}. */
  public static List<String> cmd(String... words) {
    return List.of(words);
  }

  /** Convenience for building command lines from a prefix and more words. */
  public static List<String> cmd(List<String> prefix, String... words) {
    List<String> all = new ArrayList<>(prefix);
    all.addAll(List.of(words));
    return all;
  }
}
