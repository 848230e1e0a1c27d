package org.herd.fleet;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.herd.transport.Endpoint;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Transport;

/**
 * Several commands on the same hosts over the same connections: one handshake per host for the
 * whole session, as the rest of herd (facts, the engine) needs it, and as {@code herd run -c CMD -c
 * CMD} uses it.
 *
 * <p>Commands run one after the other, each on every host (like ten clush runs, without ten
 * handshakes). A host that could not be reached, refused us or lost its connection is not tried
 * again by later commands: it is reported with the same outcome at once, so an unreachable host
 * costs one connect timeout per session, not one per command.
 *
 * <p>The session does not own the transport: whoever created the transport closes it, and with it
 * every connection.
 */
public final class FleetSession {

  private final FanOut fanOut;
  private final List<Endpoint> hosts;
  private final Map<String, HostOutcome> givenUp = new ConcurrentHashMap<>();

  /**
   * A session over {@code hosts}; connections are opened by the first command.
   *
   * @param settings the fan-out limits; connections are kept open whatever they say
   */
  public FleetSession(
      Transport transport, List<Endpoint> hosts, FanOutSettings settings, Clock clock) {
    this.fanOut = new FanOut(transport, settings.withKeepConnections(true), clock);
    this.hosts = List.copyOf(Objects.requireNonNull(hosts));
  }

  /** The hosts of the session, in report order. */
  public List<Endpoint> hosts() {
    return hosts;
  }

  /** Starts one command on every host still in the session and returns at once. */
  public FleetRun start(RemoteCommand command, FleetListener listener) {
    return start(HostAction.command(command), listener);
  }

  /** Starts one action on every host still in the session and returns at once. */
  public FleetRun start(HostAction action, FleetListener listener) {
    // Recorded as each host finishes, hence before the run's result completes.
    FleetListener recording =
        new FleetListener() {
          @Override
          public void started(String host) {
            listener.started(host);
          }

          @Override
          public void line(String host, OutputLine line) {
            listener.line(host, line);
          }

          @Override
          public void finished(HostResult result) {
            HostOutcome outcome = result.outcome();
            if (outcome instanceof HostOutcome.Unreachable
                || outcome instanceof HostOutcome.Refused) {
              givenUp.putIfAbsent(result.host(), outcome);
            }
            listener.finished(result);
          }
        };
    return fanOut.start(hosts, action, recording, Map.copyOf(givenUp));
  }

  /**
   * Runs one command on every host still in the session and waits for all of them.
   *
   * @throws InterruptedException when the calling thread is interrupted (the command is stopped)
   */
  public FleetResult run(RemoteCommand command, FleetListener listener)
      throws InterruptedException {
    return start(command, listener).await();
  }
}
