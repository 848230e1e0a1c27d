package org.herd.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.herd.facts.HostFacts;
import org.herd.facts.HostState;
import org.herd.inventory.Cluster;
import org.herd.inventory.Inventory;
import org.herd.inventory.Wave;
import org.herd.journal.Journal;
import org.herd.journal.LeaseResult;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.journal.RunSummary;
import org.herd.journal.StepChange;
import org.herd.journal.StepRecord;
import org.herd.journal.StoredFacts;

/**
 * What {@code herd serve}'s {@code /metrics} shows, computed at each scrape from the journal: hosts
 * pending, with security updates and needing a reboot per cluster and per wave (latest facts), the
 * progress of running runs, the steps that finished since the last scrape (for the duration
 * histograms), run leases held and expired, and hosts' service guards by state. Not thread-safe:
 * one scraper at a time.
 */
public final class FleetMetrics {

  /**
   * Hosts of one cluster or wave.
   *
   * @param kind {@code cluster} or {@code wave}
   */
  public record Group(String kind, String name, int pending, int security, int reboot) {}

  /** What one scrape shows. */
  public record Snapshot(
      List<Group> groups,
      List<RunList.Row> running,
      Map<String, Integer> leases,
      Map<String, Integer> guards) {}

  private final Workspace workspace;
  private final Journal journal;
  private final Map<RunId, Long> seen = new HashMap<>();

  public FleetMetrics(Workspace workspace, Journal journal) {
    this.workspace = workspace;
    this.journal = journal;
  }

  /** The fleet's numbers now. */
  public Snapshot snapshot() {
    Map<String, HostState> states = new HashMap<>();
    Map<String, Integer> guards = new TreeMap<>();
    Inventory inventory = workspace.inventory().orElse(null);
    if (inventory != null) {
      Map<String, StoredFacts> stored = journal.latestFacts(inventory.hostNames().expand());
      stored.forEach(
          (host, s) ->
              FleetView.facts(s)
                  .ifPresent(
                      facts -> {
                        states.put(host, HostState.of(facts));
                        guards.merge(guard(facts), 1, Integer::sum);
                      }));
    }
    List<Group> groups = new ArrayList<>();
    if (inventory != null) {
      for (Cluster cluster : inventory.clusters()) {
        groups.add(group("cluster", cluster.name(), cluster.members().expand(), states));
      }
      for (Wave wave : inventory.waves()) {
        groups.add(group("wave", wave.name(), wave.hosts().expand(), states));
      }
    }
    List<RunList.Row> running = new ArrayList<>();
    for (RunSummary run : journal.runs()) {
      if (run.state() == RunState.RUNNING) {
        running.add(
            new RunList.Row(
                run, RunList.progress(run.hosts(), RunList.byHost(journal.steps(run.id())))));
      }
    }
    Map<String, Integer> leases = new TreeMap<>();
    Instant now = workspace.clock().instant();
    for (LeaseResult.HeldBy held : journal.leases()) {
      int colon = held.resource().indexOf(':');
      String kind = colon < 0 ? held.resource() : held.resource().substring(0, colon);
      leases.merge(kind + (held.expiredAt(now) ? ":expired" : ":held"), 1, Integer::sum);
    }
    return new Snapshot(groups, running, leases, guards);
  }

  /**
   * The step attempts of running runs that finished since the last call (every finished one the
   * first time a run is seen), for the step-duration histograms.
   */
  public List<StepRecord> finishedSinceLastCall() {
    List<StepRecord> finished = new ArrayList<>();
    for (RunSummary run : journal.runs()) {
      if (run.state() != RunState.RUNNING && !seen.containsKey(run.id())) {
        continue;
      }
      long cursor = seen.getOrDefault(run.id(), 0L);
      for (StepChange change : journal.stepChanges(run.id(), cursor)) {
        if (change.step().finished()) {
          finished.add(change.step());
        }
        cursor = Math.max(cursor, change.change());
      }
      if (run.state() == RunState.RUNNING) {
        seen.put(run.id(), cursor);
      } else {
        seen.remove(run.id()); // its last steps counted; it is over
      }
    }
    return finished;
  }

  private static String guard(HostFacts facts) {
    if (facts.policy() == null || facts.policy().herdGuard() == null) {
      return "none";
    }
    return facts.policy().herdGuard().state().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static Group group(
      String kind, String name, List<String> hosts, Map<String, HostState> states) {
    int pending = 0;
    int security = 0;
    int reboot = 0;
    for (String host : hosts) {
      HostState state = states.get(host);
      if (state == null) {
        continue;
      }
      pending += state.pending().isEmpty() ? 0 : 1;
      security += state.securityCount() > 0 ? 1 : 0;
      reboot += state.reboot().isEmpty() ? 0 : 1;
    }
    return new Group(kind, name, pending, security, reboot);
  }
}
