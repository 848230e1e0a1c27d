package org.herd.engine;

import java.time.Duration;

/**
 * Where recipe checks and commands run: shell lines on the members (over the transport), TCP and
 * HTTP probes from herd's machine. {@link SessionProbes} does it for real; unit tests script it.
 *
 * <p>Implementations are thread-safe and never throw for a host's failure: they answer {@link
 * ProbeAnswer.Unreachable}.
 */
public interface HostProbes {

  /** Runs the shell line {@code command} on {@code host}, for at most {@code timeout}. */
  ProbeAnswer command(String host, String command, Duration timeout);

  /** Opens a TCP connection to {@code address} ({@code HOST:PORT}) and closes it. */
  ProbeAnswer tcp(String address, Duration timeout);

  /** Sends an HTTP GET to {@code url}. */
  ProbeAnswer http(String url, Duration timeout);
}
