package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;

/**
 * A fresh directory for one try of a fuzz property, and herd run in it in-process as a user would,
 * with a hang guard: a try that does not end within {@link #HANG} fails as a hang (a guard, not a
 * timing assertion). herd never finds an inventory or a journal outside the directory: {@code
 * HERD_INVENTORY} and {@code HERD_JOURNAL} point into it unless a try sets them itself; the
 * inventory is this machine alone, over the local transport.
 */
final class FuzzScratch implements AutoCloseable {

  /** How long one herd invocation may take before the try fails as a hang. */
  static final Duration HANG = Duration.ofSeconds(60);

  /** The inventory of every try that gives none: this machine, over the local transport. */
  static final String LOCAL_INVENTORY = "hosts:\n  localhost:\n    transport: local\n";

  private final Path dir;

  private FuzzScratch(Path dir) {
    this.dir = dir;
  }

  static FuzzScratch create() {
    try {
      FuzzScratch scratch = new FuzzScratch(Files.createTempDirectory("herd-fuzz"));
      scratch.write("fuzz-hosts.yaml", LOCAL_INVENTORY);
      return scratch;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return dir;
  }

  /** The journal every command of the try uses unless told otherwise. */
  Path journal() {
    return dir.resolve("journal.db");
  }

  /** Writes {@code name} (relative to the directory, parents created) and returns its path. */
  Path write(String name, byte[] bytes) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path write(String name, String text) {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs {@code herd args…} in the directory. */
  CliRunner.Result herd(String... args) {
    return herd(Map.of(), args);
  }

  /** Runs {@code herd args…} in the directory with {@code env} over the try's defaults. */
  CliRunner.Result herd(Map<String, String> env, String... args) {
    Map<String, String> environment = new HashMap<>();
    environment.put("HOME", dir.toString());
    environment.put("HERD_INVENTORY", dir.resolve("fuzz-hosts.yaml").toString());
    environment.put("HERD_JOURNAL", journal().toString());
    environment.putAll(env);
    CliRunner runner = new CliRunner(dir, Map.copyOf(environment));
    FutureTask<CliRunner.Result> run = new FutureTask<>(() -> runner.run(args));
    // A daemon thread of its own: a hang fails the try and does not keep the JVM alive.
    Thread thread = new Thread(run, "herd-fuzz");
    thread.setDaemon(true);
    thread.start();
    try {
      return run.get(HANG.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      throw new AssertionError("herd " + String.join(" ", args) + " did not end within " + HANG);
    } catch (ExecutionException e) {
      throw new AssertionError("herd " + String.join(" ", args) + " threw", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The try's journal has no run: it does not exist, or lists none. */
  void assertNoRunRecorded() {
    if (!Files.exists(journal())) {
      return;
    }
    try (Journal journal =
        Journal.open(JournalLocation.parse(journal().toString()), CliRunner.FIXED)) {
      assertThat(journal.runs()).as("runs recorded in the journal").isEmpty();
    }
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(FuzzScratch::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
