package org.herd.fleet;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.transport.Endpoint;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Transport;

/**
 * Runs one command on many hosts with a sliding window of at most {@code fanout} hosts in flight:
 * the one place in herd where the concurrency of remote work is limited, as ClusterShell keeps its
 * fan-out in one place.
 *
 * <p>Threads are bounded: a pool of at most {@code fanout} connector threads waits for handshakes
 * (the transport's {@code open} blocks); once a command runs, its host holds no thread at all, and
 * its completion callback starts the next host. There is no polling and no busy waiting, so a
 * thousand hosts cost a thousand small objects, not a thousand threads.
 *
 * <pre>
 *   waiting ──slot free──▶ connecting ──open ok──▶ running ──result──▶ finished
 *                              │                      │
 *                              └──open failed─────────┴──timeout / lost / Ctrl-C──▶ finished
 * </pre>
 */
public final class FanOut {

  private final Transport transport;
  private final FanOutSettings settings;
  private final Clock clock;

  /**
   * A fan-out over {@code transport}.
   *
   * @param clock measures each host's duration
   */
  public FanOut(Transport transport, FanOutSettings settings, Clock clock) {
    this.transport = Objects.requireNonNull(transport);
    this.settings = Objects.requireNonNull(settings);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The limits this fan-out applies. */
  public FanOutSettings settings() {
    return settings;
  }

  /**
   * Starts {@code command} on every host and returns at once.
   *
   * @param hosts the hosts, in the order results are reported (node-set order)
   * @param listener receives lines and completions as they happen
   */
  public FleetRun start(List<Endpoint> hosts, RemoteCommand command, FleetListener listener) {
    return start(hosts, HostAction.command(command), listener, Map.of());
  }

  /** Starts {@code action} on every host and returns at once. */
  public FleetRun start(List<Endpoint> hosts, HostAction action, FleetListener listener) {
    return start(hosts, action, listener, Map.of());
  }

  /** Like {@link #start(List, HostAction, FleetListener)}, with hosts known in advance to fail. */
  FleetRun start(
      List<Endpoint> hosts,
      HostAction action,
      FleetListener listener,
      Map<String, HostOutcome> preset) {
    FleetRun run = new FleetRun(transport, settings, clock, hosts, action, listener, preset);
    run.begin();
    return run;
  }

  /**
   * Runs {@code command} on every host and waits for all of them.
   *
   * @throws InterruptedException when the calling thread is interrupted; the run is then stopped
   */
  public FleetResult run(List<Endpoint> hosts, RemoteCommand command, FleetListener listener)
      throws InterruptedException {
    return start(hosts, command, listener).await();
  }
}
