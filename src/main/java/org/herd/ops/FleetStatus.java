package org.herd.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herd.debian.PackageName;
import org.herd.facts.ClusterPackages;
import org.herd.facts.FleetProbe;
import org.herd.facts.ProbedHost;
import org.herd.facts.StatusSummary;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetListener;
import org.herd.fleet.FleetResult;
import org.herd.fleet.FleetRun;
import org.herd.journal.Journal;
import org.herd.journal.StoredFacts;
import org.herd.nodeset.NodeSet;
import org.herd.transport.Transport;

/**
 * {@code herd status}: every selected host probed once (after an {@code apt-get update} when
 * asked), the facts saved in the journal, hosts in the same state folded, and each cluster's
 * versions of its {@code packages} compared. See docs/status.md.
 */
public final class FleetStatus {

  /** A probe bounds each of its parts itself; this only catches a host that hangs outright. */
  private static final Duration PROBE_LIMIT = Duration.ofMinutes(10);

  /** How the caller follows the passes over the hosts (the refresh, then the probe). */
  public interface Watcher {

    /** The listener of the next pass. */
    FleetListener listener();

    /** Waits for {@code pass} to end (the caller may interrupt it meanwhile). */
    FleetResult await(FleetRun pass) throws InterruptedException;

    /** The hosts whose {@code apt-get update} failed, with the reason, once the refresh ended. */
    default void refreshFailed(Map<String, String> reasons) {}
  }

  /** How a status ended. */
  public sealed interface Outcome {

    /**
     * Every host was probed or found unreachable.
     *
     * @param hosts each host's facts or why it has none
     * @param summary the hosts folded by state, and the clusters' versions
     */
    record Probed(List<ProbedHost> hosts, StatusSummary summary) implements Outcome {
      /** Copies the list. */
      public Probed {
        hosts = List.copyOf(hosts);
      }
    }

    /**
     * Interrupted (Ctrl-C): the facts gathered so far are saved.
     *
     * @param incomplete the hosts that did not complete
     */
    record Interrupted(NodeSet incomplete) implements Outcome {}
  }

  private final Workspace workspace;
  private final Journal journal;

  /** A status over {@code workspace}'s hosts, saving facts in {@code journal}. */
  public FleetStatus(Workspace workspace, Journal journal) {
    this.workspace = workspace;
    this.journal = journal;
  }

  /**
   * Probes the hosts of {@code reach} (resolved on this status's workspace), {@code fanout} at a
   * time.
   *
   * @throws InvalidRequest when a cluster's {@code packages} variable names no package
   */
  public Outcome probe(Reach reach, boolean refresh, int fanout, Watcher watcher)
      throws InterruptedException {
    List<ClusterPackages> clusters = clusters(NodeSet.of(reach.endpoints().keySet()));
    FanOutSettings settings =
        FanOutSettings.defaults().withFanout(fanout).withCommandTimeout(PROBE_LIMIT);
    try (Transport transport = workspace.transport(reach.kinds())) {
      FleetProbe probe = new FleetProbe(transport, settings, workspace.clock());
      var endpoints = List.copyOf(reach.endpoints().values());
      if (refresh) {
        FleetResult updated = watcher.await(probe.startRefresh(endpoints, watcher.listener()));
        if (updated.interrupted()) {
          return new Outcome.Interrupted(NodeSet.of(updated.incomplete()));
        }
        watcher.refreshFailed(FleetProbe.refreshFailures(updated));
      }
      FleetResult result =
          watcher.await(probe.start(endpoints, packagesOf(clusters), watcher.listener()));
      List<ProbedHost> probed = probe.results(result);
      journal.saveFacts(stored(probed));
      if (result.interrupted()) {
        return new Outcome.Interrupted(NodeSet.of(result.incomplete()));
      }
      return new Outcome.Probed(probed, StatusSummary.of(probed, clusters));
    }
  }

  private List<ClusterPackages> clusters(NodeSet selected) {
    return ClusterView.packages(workspace, selected);
  }

  /**
   * One command for every host: a host reports the other clusters' packages as not installed, which
   * costs one dpkg-query argument each and keeps the fan-out to a single command.
   */
  private static List<PackageName> packagesOf(List<ClusterPackages> clusters) {
    Set<PackageName> names = new LinkedHashSet<>();
    clusters.forEach(c -> names.addAll(c.packages()));
    return List.copyOf(names);
  }

  private static List<StoredFacts> stored(List<ProbedHost> probed) {
    ObjectMapper mapper = new ObjectMapper();
    List<StoredFacts> stored = new ArrayList<>();
    for (ProbedHost host : probed) {
      if (host instanceof ProbedHost.Probed p) {
        try {
          stored.add(
              new StoredFacts(p.host(), p.collectedAt(), mapper.writeValueAsString(p.facts())));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("facts of " + p.host() + " are not serialisable", e);
        }
      }
    }
    return stored;
  }
}
