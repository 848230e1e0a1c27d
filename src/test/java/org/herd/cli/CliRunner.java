package org.herd.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs herd in-process, as a user would from a shell, and captures what it prints. */
public final class CliRunner {

  /** What one invocation printed and returned. */
  public record Result(int exitCode, String out, String err) {}

  /** The clock of unit tests: timestamps in outputs are always the same. */
  static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  private final Path workingDirectory;
  private final Map<String, String> env;
  private final Clock clock;

  /** A runner in {@code workingDirectory} with the given environment and a fixed clock. */
  public CliRunner(Path workingDirectory, Map<String, String> env) {
    this(workingDirectory, env, FIXED);
  }

  /**
   * A runner with {@code clock}: tests against real hosts need the real one, since hosts judge
   * herd's leases (the guard's) by their own clocks and health waits need time to pass.
   */
  public CliRunner(Path workingDirectory, Map<String, String> env, Clock clock) {
    this.workingDirectory = workingDirectory;
    this.env = env;
    this.clock = clock;
  }

  /** Runs {@code herd args…}. */
  public Result run(String... args) {
    return runWithInput("", args);
  }

  /** Runs {@code herd args…} with {@code input} on standard input. */
  public Result runWithInput(String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out),
            new PrintWriter(err),
            env,
            workingDirectory,
            Terminal.plain(),
            clock,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    int code = new Main(context).run(args);
    return new Result(code, out.toString(), err.toString());
  }
}
