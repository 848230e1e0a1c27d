package org.herd.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Everything a command may take from its surroundings, passed in rather than read from globals so
 * that commands run the same in-process in tests as from the launcher.
 *
 * @param out standard output
 * @param err standard error
 * @param env the process environment
 * @param workingDirectory where relative paths are resolved
 * @param terminal whether output is a TTY and may be coloured
 * @param clock the source of time
 * @param in standard input (for commands that read lists, such as {@code herd nodeset})
 */
public record CliContext(
    PrintWriter out,
    PrintWriter err,
    Map<String, String> env,
    Path workingDirectory,
    Terminal terminal,
    Clock clock,
    InputStream in) {

  /** A context whose standard input is empty. */
  public CliContext(
      PrintWriter out,
      PrintWriter err,
      Map<String, String> env,
      Path workingDirectory,
      Terminal terminal,
      Clock clock) {
    this(out, err, env, workingDirectory, terminal, clock, InputStream.nullInputStream());
  }

  /** The context of this process: its standard streams, environment and working directory. */
  public static CliContext forProcess() {
    Map<String, String> env = System.getenv();
    return new CliContext(
        writer(System.out),
        writer(System.err),
        env,
        Path.of("").toAbsolutePath(),
        Terminal.detect(env),
        Clock.systemDefaultZone(),
        System.in);
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
  }

  /** The context of the herd invocation that {@code spec} belongs to. */
  public static CliContext of(CommandSpec spec) {
    return ((HerdCommand) spec.root().userObject()).context();
  }

  /** The operator's home directory: {@code HOME}, else the JVM's idea of it. */
  public Path home() {
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
  }

  /** Resolves a path given on the command line against the working directory. */
  public Path resolve(String path) {
    return workingDirectory.resolve(path);
  }
}
