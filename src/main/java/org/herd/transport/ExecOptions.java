package org.herd.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How one command runs: its deadline, how much output is kept, who sees the output live, what it
 * reads on stdin, and whether it overrides the endpoint's privilege mode.
 *
 * @param timeout the command's deadline, or null for none; when it passes the command's process
 *     group is killed and the result is {@link TransportException.CommandTimedOut}
 * @param outputLimit bytes kept per stream in the {@link CommandResult}; beyond that the output is
 *     still streamed to the listener but not kept, and the result is flagged truncated
 * @param listener receives every chunk of output as it arrives
 * @param stdin what the command reads
 * @param become the privilege mode, or null for the endpoint's
 */
public record ExecOptions(
    Duration timeout, long outputLimit, OutputListener listener, Stdin stdin, Become become) {

  /** Default number of bytes kept per stream: 16 MiB. */
  public static final long DEFAULT_OUTPUT_LIMIT = 16L << 20;

  /** Validates the fields. */
  public ExecOptions {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(stdin, "stdin");
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    if (outputLimit < 0) {
      throw new IllegalArgumentException("outputLimit must not be negative: " + outputLimit);
    }
  }

  /** No timeout, 16 MiB kept per stream, no listener, empty stdin, the endpoint's privileges. */
  public static ExecOptions defaults() {
    return new ExecOptions(null, DEFAULT_OUTPUT_LIMIT, OutputListener.NONE, Stdin.empty(), null);
  }

  /** A copy with a deadline (null for none). */
  public ExecOptions withTimeout(Duration value) {
    return new ExecOptions(value, outputLimit, listener, stdin, become);
  }

  /** A copy that keeps at most {@code value} bytes per stream. */
  public ExecOptions withOutputLimit(long value) {
    return new ExecOptions(timeout, value, listener, stdin, become);
  }

  /** A copy with a live output listener. */
  public ExecOptions withListener(OutputListener value) {
    return new ExecOptions(timeout, outputLimit, value, stdin, become);
  }

  /** A copy with another stdin. */
  public ExecOptions withStdin(Stdin value) {
    return new ExecOptions(timeout, outputLimit, listener, value, become);
  }

  /** A copy that overrides the endpoint's privilege mode (null to use the endpoint's). */
  public ExecOptions withBecome(Become value) {
    return new ExecOptions(timeout, outputLimit, listener, stdin, value);
  }
}
