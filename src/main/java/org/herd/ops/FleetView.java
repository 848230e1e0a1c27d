package org.herd.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.herd.facts.ClusterPackages;
import org.herd.facts.HostFacts;
import org.herd.facts.HostState;
import org.herd.facts.ProbedHost;
import org.herd.facts.StatusSummary;
import org.herd.inventory.Inventory;
import org.herd.journal.Journal;
import org.herd.journal.StoredFacts;
import org.herd.nodeset.NodeSet;

/**
 * The fleet as {@code herd status} last saw it, without probing: every selected host's latest facts
 * from the journal, folded by state as {@code herd status} folds them, each host with the time its
 * facts were collected; hosts of the inventory that have none are "never probed".
 */
public final class FleetView {

  /** What "never probed" hosts are listed with, as {@code herd status} lists unreachable ones. */
  public static final String NEVER_PROBED = "never probed";

  /** Which hosts; every field may be null (no filter). All given filters must hold. */
  public record Filter(String nodes, String group, String cluster, String wave) {

    /** No filter: every host of the inventory. */
    public static final Filter ALL = new Filter(null, null, null, null);
  }

  /**
   * The fleet.
   *
   * @param hosts each selected host's latest facts with their time, or {@link #NEVER_PROBED}
   * @param summary the hosts folded by state, and the clusters' versions
   */
  public record Fleet(List<ProbedHost> hosts, StatusSummary summary) {}

  private static final ObjectMapper FACTS =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Workspace workspace;
  private final Journal journal;

  /**
   * Facts already read back, by host, with their collection time: a host's stored facts never
   * change (newer ones have a newer time), so each is parsed once, not at every call.
   */
  private final Map<String, StoredAndRead> parsed = new ConcurrentHashMap<>();

  /** A host's stored facts read back, and the state they fold by (computed once per facts). */
  private record StoredAndRead(
      Instant collectedAt, Optional<HostFacts> facts, Optional<HostState> state) {}

  /**
   * The latest fleets folded, by filter, with the hosts and fact times they were folded from: while
   * no host's facts changed (herd status saves new ones now and then), the fold is reused.
   */
  private final Map<Filter, Folded> folded =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Filter, Folded> eldest) {
              return size() > FOLDS_KEPT;
            }
          });

  /** How many filters' folds are kept: the fleet page's few views, not every query ever asked. */
  private static final int FOLDS_KEPT = 16;

  private record Folded(
      List<String> hosts,
      Map<String, Instant> times,
      List<ClusterPackages> packages,
      Fleet fleet) {}

  public FleetView(Workspace workspace, Journal journal) {
    this.workspace = workspace;
    this.journal = journal;
  }

  /**
   * The selected hosts.
   *
   * @throws InvalidRequest when a filter names no group, cluster or wave, or is no node set
   */
  public Fleet of(Filter filter) {
    List<String> hosts = select(filter);
    Map<String, Instant> times = new HashMap<>(journal.latestFactTimes(hosts));
    Folded last = folded.get(filter);
    boolean sameHosts = last != null && last.hosts().equals(hosts);
    if (sameHosts && last.times().equals(times)) {
      return last.fleet();
    }
    List<ClusterPackages> packages =
        sameHosts ? last.packages() : ClusterView.packages(workspace, NodeSet.of(hosts));
    Fleet fleet = fold(hosts, times, packages);
    folded.put(filter, new Folded(hosts, times, packages, fleet));
    return fleet;
  }

  private Fleet fold(
      List<String> hosts, Map<String, Instant> times, List<ClusterPackages> packages) {
    List<String> stale = new ArrayList<>();
    times.forEach(
        (host, at) -> {
          StoredAndRead known = parsed.get(host);
          if (known == null || !known.collectedAt().equals(at)) {
            stale.add(host);
          }
        });
    if (!stale.isEmpty()) {
      journal.latestFacts(stale).values().forEach(this::cached);
    }
    List<ProbedHost> probed = new ArrayList<>(hosts.size());
    Map<String, HostState> states = new HashMap<>();
    for (String host : hosts) {
      StoredAndRead known = times.containsKey(host) ? parsed.get(host) : null;
      if (known != null && known.facts().isPresent()) {
        probed.add(new ProbedHost.Probed(host, known.collectedAt(), known.facts().get()));
        states.put(host, known.state().orElseThrow());
      } else {
        probed.add(new ProbedHost.NotProbed(host, NEVER_PROBED));
      }
    }
    return new Fleet(probed, StatusSummary.of(probed, packages, p -> states.get(p.host())));
  }

  private void cached(StoredFacts stored) {
    StoredAndRead known = parsed.get(stored.host());
    if (known == null || !known.collectedAt().equals(stored.collectedAt())) {
      Optional<HostFacts> facts = facts(stored);
      parsed.put(
          stored.host(), new StoredAndRead(stored.collectedAt(), facts, facts.map(HostState::of)));
    }
  }

  /** Stored facts read back; empty for facts an older or newer herd wrote unreadably. */
  static Optional<HostFacts> facts(StoredFacts stored) {
    try {
      return Optional.of(FACTS.readValue(stored.json(), HostFacts.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private List<String> select(Filter filter) {
    Optional<Inventory> inventory = workspace.inventory();
    if (inventory.isEmpty()) {
      if (filter.nodes() == null) {
        return List.of();
      }
      return parse(filter.nodes(), null).expand();
    }
    Inventory inv = inventory.get();
    NodeSet selected = inv.hostNames();
    if (filter.nodes() != null) {
      selected = selected.intersection(parse(filter.nodes(), inv));
    }
    if (filter.group() != null) {
      selected = selected.intersection(parse("@" + filter.group(), inv));
    }
    if (filter.cluster() != null) {
      selected =
          selected.intersection(
              inv.cluster(filter.cluster())
                  .orElseThrow(() -> new InvalidRequest("no cluster " + filter.cluster()))
                  .members());
    }
    if (filter.wave() != null) {
      selected =
          selected.intersection(
              inv.waves().stream()
                  .filter(w -> w.name().equals(filter.wave()))
                  .findFirst()
                  .orElseThrow(() -> new InvalidRequest("no wave " + filter.wave()))
                  .hosts());
    }
    return selected.expand();
  }

  private static NodeSet parse(String expression, Inventory inventory) {
    try {
      return inventory == null ? NodeSet.parse(expression) : inventory.select(expression);
    } catch (RuntimeException e) {
      throw new InvalidRequest(expression + ": " + e.getMessage());
    }
  }
}
