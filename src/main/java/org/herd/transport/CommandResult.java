package org.herd.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * How a command ended and what it printed.
 *
 * @param exitCode the exit status as a shell reports it: the command's code, or {@code 128 + n}
 *     when signal {@code n} killed it
 * @param signal the signal that killed the command, or null when it exited (or the transport could
 *     not tell which signal)
 * @param stdout standard output, at most {@link ExecOptions#outputLimit()} bytes, not decoded
 * @param stderr standard error, likewise
 * @param stdoutTruncated whether stdout was longer than the limit (the tail was dropped)
 * @param stderrTruncated whether stderr was longer than the limit
 * @param duration from the start of the command (channel open) to its end
 */
public record CommandResult(
    int exitCode,
    Signal signal,
    byte[] stdout,
    byte[] stderr,
    boolean stdoutTruncated,
    boolean stderrTruncated,
    Duration duration) {

  /** Checks the fields. */
  public CommandResult {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(duration, "duration");
  }

  /** Whether the command exited with 0. */
  public boolean ok() {
    return exitCode == 0 && signal == null;
  }

  /** Standard output decoded as UTF-8 (malformed bytes become U+FFFD). */
  public String stdoutText() {
    return new String(stdout, StandardCharsets.UTF_8);
  }

  /** Standard error decoded as UTF-8 (malformed bytes become U+FFFD). */
  public String stderrText() {
    return new String(stderr, StandardCharsets.UTF_8);
  }

  /** A short summary without the output, for logs. */
  @Override
  public String toString() {
    return "CommandResult[exitCode="
        + exitCode
        + (signal == null ? "" : ", signal=" + signal)
        + ", stdout="
        + stdout.length
        + (stdoutTruncated ? "+" : "")
        + " bytes, stderr="
        + stderr.length
        + (stderrTruncated ? "+" : "")
        + " bytes, duration="
        + duration
        + "]";
  }
}
