package org.herd.fleet;

import java.time.Duration;

/**
 * The limits of a fan-out, as {@code clush} names them.
 *
 * @param fanout how many hosts may be in flight (connecting or running) at once ({@code -f})
 * @param commandTimeout how long a command may run before it is killed, or {@code null} for no
 *     limit ({@code -u}); the connect timeout ({@code -t}) belongs to the transport
 * @param retainOutput whether each host's lines are kept for the report (gathering, {@code
 *     --json}); live display alone does not need them
 * @param outputLimit bytes of output kept per host; beyond it lines are dropped and the result is
 *     marked truncated, so a runaway command cannot exhaust the heap
 * @param keepConnections whether a host's connection stays open after its command, for a session
 *     that runs several commands; a single command closes it at once so that a thousand hosts never
 *     hold a thousand sockets
 */
public record FanOutSettings(
    int fanout,
    Duration commandTimeout,
    boolean retainOutput,
    long outputLimit,
    boolean keepConnections) {

  /**
   * clush's default, kept so that a clush user's habits (and the load their hosts see) carry over.
   * A host in flight costs herd one socket and some kilobytes, not an ssh process, so {@code -f}
   * can go far higher; the transport separately caps concurrent handshakes, the part that costs
   * CPU.
   */
  public static final int DEFAULT_FANOUT = 64;

  /** Bytes kept per host when nothing else is said: 8 MiB. */
  public static final long DEFAULT_OUTPUT_LIMIT = 8L << 20;

  public FanOutSettings {
    if (fanout < 1) {
      throw new IllegalArgumentException("fanout must be at least 1: " + fanout);
    }
    if (commandTimeout != null && (commandTimeout.isNegative() || commandTimeout.isZero())) {
      throw new IllegalArgumentException("command timeout must be positive: " + commandTimeout);
    }
    if (outputLimit < 0) {
      throw new IllegalArgumentException("output limit must not be negative: " + outputLimit);
    }
  }

  /** The defaults: fan-out 64, no command timeout, output kept, one command per connection. */
  public static FanOutSettings defaults() {
    return new FanOutSettings(DEFAULT_FANOUT, null, true, DEFAULT_OUTPUT_LIMIT, false);
  }

  /** A copy with another fan-out. */
  public FanOutSettings withFanout(int value) {
    return new FanOutSettings(value, commandTimeout, retainOutput, outputLimit, keepConnections);
  }

  /** A copy with another command timeout ({@code null} for none). */
  public FanOutSettings withCommandTimeout(Duration value) {
    return new FanOutSettings(fanout, value, retainOutput, outputLimit, keepConnections);
  }

  /** A copy that keeps (or only streams) output. */
  public FanOutSettings withRetainOutput(boolean value) {
    return new FanOutSettings(fanout, commandTimeout, value, outputLimit, keepConnections);
  }

  /** A copy with another per-host output cap. */
  public FanOutSettings withOutputLimit(long value) {
    return new FanOutSettings(fanout, commandTimeout, retainOutput, value, keepConnections);
  }

  /** A copy that keeps (or closes) connections after each command. */
  public FanOutSettings withKeepConnections(boolean value) {
    return new FanOutSettings(fanout, commandTimeout, retainOutput, outputLimit, value);
  }
}
