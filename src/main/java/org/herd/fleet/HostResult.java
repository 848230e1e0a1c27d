package org.herd.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one host did with one command: its outcome, the lines it wrote (both streams, in the order
 * they arrived) and how long it took.
 *
 * @param host the host name as given in the node set
 * @param outcome how it ended
 * @param lines its output lines, empty when output was streamed rather than kept
 * @param truncated whether output beyond the per-host cap was dropped
 * @param duration from the start of the connection to the end of the command
 */
public record HostResult(
    String host,
    HostOutcome outcome,
    List<OutputLine> lines,
    boolean truncated,
    Duration duration) {

  public HostResult {
    Objects.requireNonNull(host);
    Objects.requireNonNull(outcome);
    lines = List.copyOf(lines);
    Objects.requireNonNull(duration);
  }

  /** A result without output, for hosts that never ran the command. */
  public static HostResult withoutOutput(String host, HostOutcome outcome, Duration duration) {
    return new HostResult(host, outcome, List.of(), false, duration);
  }

  /** The lines of one stream. */
  public List<OutputLine> lines(StreamKind stream) {
    return lines.stream().filter(line -> line.stream() == stream).toList();
  }

  /** The lines shown for this host: stdout only, or both streams when {@code withStderr}. */
  public List<OutputLine> shown(boolean withStderr) {
    return withStderr ? lines : lines(StreamKind.STDOUT);
  }
}
