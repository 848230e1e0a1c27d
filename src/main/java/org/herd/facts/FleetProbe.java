package org.herd.facts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.herd.debian.PackageName;
import org.herd.fleet.FanOut;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetListener;
import org.herd.fleet.FleetResult;
import org.herd.fleet.FleetRun;
import org.herd.fleet.HostOutcome;
import org.herd.fleet.HostResult;
import org.herd.fleet.OutputLine;
import org.herd.fleet.StreamKind;
import org.herd.text.ShellWords;
import org.herd.transport.Endpoint;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;

/**
 * Runs the host probe on many hosts through the fleet layer: one exec per host, each host's
 * standard output parsed into {@link HostFacts}. Hosts that cannot be reached or whose probe gives
 * no usable output are kept as {@link ProbedHost.NotProbed}.
 */
public final class FleetProbe {

  private static final String REFRESH_SCRIPT = HostProbe.resource("refresh.sh");

  /**
   * {@code apt-get update} with a bounded wait on a held apt lock ({@code refresh.sh} beside this
   * class): apt's own {@code DPkg::Lock::Timeout} does not cover the lists lock that {@code update}
   * takes, so the script retries for about 60 s while apt says "Could not get lock", and a running
   * unattended-upgrades delays a refresh instead of failing it.
   */
  static final RemoteCommand REFRESH = refreshCommand(List.of());

  /** The refresh with extra {@code apt-get} options (tests point apt at a private state). */
  static RemoteCommand refreshCommand(List<String> aptOptions) {
    List<String> words = new ArrayList<>(List.of("sh", "-c", REFRESH_SCRIPT, "herd-refresh"));
    words.addAll(aptOptions);
    return RemoteCommand.shell(ShellWords.command(words));
  }

  private final FanOut fanOut;
  private final Clock clock;

  /** A probe over {@code transport}; the settings' output retention is forced on. */
  public FleetProbe(Transport transport, FanOutSettings settings, Clock clock) {
    this.fanOut = new FanOut(transport, settings.withRetainOutput(true), clock);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Runs {@code apt-get update} on every host in parallel.
   *
   * @return the hosts where it did not succeed, with why (apt's last error line when it said one)
   */
  public Map<String, String> refresh(List<Endpoint> hosts, FleetListener listener)
      throws InterruptedException {
    return refreshFailures(startRefresh(hosts, listener).await());
  }

  /** The hosts of a finished refresh run where {@code apt-get update} did not succeed, and why. */
  public static Map<String, String> refreshFailures(FleetResult result) {
    Map<String, String> failed = new LinkedHashMap<>();
    for (HostResult host : result.results()) {
      if (!(host.outcome() instanceof HostOutcome.Ok)) {
        List<String> errors =
            host.lines().stream()
                .map(OutputLine::text)
                .filter(l -> l.startsWith("E:"))
                .collect(Collectors.toList());
        failed.put(
            host.host(),
            errors.isEmpty() ? host.outcome().describe() : errors.get(errors.size() - 1));
      }
    }
    return failed;
  }

  /**
   * Probes every host once.
   *
   * @param packages packages whose installed versions every host reports (the clusters' packages)
   * @return one result per host, in the order of {@code hosts}
   */
  public List<ProbedHost> probe(
      List<Endpoint> hosts, List<PackageName> packages, FleetListener listener)
      throws InterruptedException {
    return probe(hosts, RemoteCommand.shell(HostProbe.command(packages)), listener);
  }

  /**
   * Probes every host once for what a plan reads only ({@link HostProbe#upgradesCommand()}): its
   * facts have the upgrades, and little else.
   */
  public List<ProbedHost> probeUpgrades(List<Endpoint> hosts, FleetListener listener)
      throws InterruptedException {
    return probe(hosts, RemoteCommand.shell(HostProbe.upgradesCommand()), listener);
  }

  private List<ProbedHost> probe(
      List<Endpoint> hosts, RemoteCommand command, FleetListener listener)
      throws InterruptedException {
    FleetResult first = fanOut.start(hosts, command, listener).await();
    // A connection that dropped before the probe said anything (a cached connection the host
    // closed, say): the probe only reads, so those hosts are asked once more, on a new connection.
    List<Endpoint> again = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      HostResult host = first.results().get(i);
      if (host.lines().isEmpty()
          && host.outcome() instanceof HostOutcome.Unreachable unreachable
          && unreachable.reason().equals(TransportException.Disconnected.REASON)) {
        again.add(hosts.get(i));
      }
    }
    List<ProbedHost> probed = results(first);
    if (again.isEmpty()) {
      return probed;
    }
    Map<String, ProbedHost> second = new LinkedHashMap<>();
    for (ProbedHost host : results(fanOut.start(again, command, listener).await())) {
      second.put(host.host(), host);
    }
    return probed.stream().map(h -> second.getOrDefault(h.host(), h)).toList();
  }

  /**
   * Starts the probe on every host and returns at once, so that the caller can stop it (Ctrl-C);
   * {@link #results} reads the run's result.
   */
  public FleetRun start(List<Endpoint> hosts, List<PackageName> packages, FleetListener listener) {
    return fanOut.start(hosts, RemoteCommand.shell(HostProbe.command(packages)), listener);
  }

  /** Starts {@code apt-get update} on every host; {@link #refreshFailures} reads the result. */
  public FleetRun startRefresh(List<Endpoint> hosts, FleetListener listener) {
    return fanOut.start(hosts, REFRESH, listener);
  }

  /** One result per host of a finished probe run, in the order of its hosts. */
  public List<ProbedHost> results(FleetResult result) {
    List<ProbedHost> probed = new ArrayList<>(result.results().size());
    for (HostResult host : result.results()) {
      probed.add(outcome(host, clock.instant()));
    }
    return probed;
  }

  /** What one host's fan-out result says: facts when it printed a probe's output. */
  static ProbedHost outcome(HostResult host, Instant at) {
    String stdout =
        host.lines(StreamKind.STDOUT).stream()
            .map(OutputLine::text)
            .collect(Collectors.joining("\n", "", "\n"));
    if (stdout.isBlank()) {
      String reason =
          host.outcome() instanceof HostOutcome.Ok ? "no probe output" : host.outcome().describe();
      return new ProbedHost.NotProbed(host.host(), reason);
    }
    HostFacts facts = HostProbe.parse(stdout);
    // A probe that ran but exited non-zero still reported what it saw; only output that is not a
    // probe's at all (a shell error, a login banner only) means the host was not probed.
    if (facts.probe() == null || facts.probe().protocol() == 0) {
      return new ProbedHost.NotProbed(host.host(), host.outcome().describe());
    }
    return new ProbedHost.Probed(host.host(), at, facts);
  }
}
