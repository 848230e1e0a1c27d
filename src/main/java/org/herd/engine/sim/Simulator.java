package org.herd.engine.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.herd.engine.Admission;
import org.herd.engine.Rollout;

/**
 * Runs a {@link Fleet} through herd's real planner, the real {@link Admission} and the engine's
 * step sequence, in virtual time: discrete events (a host ends, a soak or a gate retry is due), no
 * sleeping, the same result for the same seed. The download phase is the executor's: every host,
 * herd's default fan-out at a time, before any host is disrupted. A canary pause is resumed at
 * once, as the operator's {@code herd resume} would: a new admission with the ended hosts settled.
 */
public final class Simulator {

  /** The virtual time the simulation starts at. */
  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private final Fleet fleet;
  private final long seed;
  private final HostDurations durations;

  private Simulator(Fleet fleet, long seed) {
    this.fleet = fleet;
    this.seed = seed;
    this.durations = new HostDurations(fleet, seed);
  }

  /** Simulates Ansible's global {@code serial} batches, play after play, on {@code fleet}. */
  public static SimulationReport ansibleSerial(Fleet fleet, long seed) {
    return AnsibleSerial.run(fleet, seed);
  }

  /** Simulates herd's strategy on {@code fleet}. */
  public static SimulationReport herd(Fleet fleet, long seed) {
    return new Simulator(fleet, seed).run();
  }

  private record Event(long at, long order, String host, boolean failed) {}

  private SimulationReport run() {
    List<String> hosts = SyntheticPlans.executableHosts(fleet);
    Map<String, String> ends = new LinkedHashMap<>();
    Map<String, long[]> out = new HashMap<>();
    long downloadEnd = downloads(hosts, ends);
    Rollout rollout = FleetRollout.of(fleet, hosts);
    SimulatedPolicy policy = new SimulatedPolicy(fleet, EPOCH);
    Admission admission = admission(rollout, hosts, policy, ends);
    PriorityQueue<Event> events =
        new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    Map<String, List<String>> clustersOf = FleetRollout.clustersOf(fleet);
    long now = downloadEnd;
    long order = 0;
    List<Long> pauses = new ArrayList<>();
    int running = 0;
    boolean resumeOwed = false;
    java.util.Set<Long> wakes = new java.util.HashSet<>();
    while (true) {
      Instant instant = EPOCH.plusMillis(now);
      policy.at(instant);
      Admission.Decision decision = admission.next(instant);
      for (String host : decision.start()) {
        HostDurations.Upgrade upgrade = durations.upgrade(host);
        out.put(host, new long[] {now, now + upgrade.millis()});
        events.add(new Event(now + upgrade.millis(), order++, host, upgrade.failed()));
        running++;
      }
      if (decision.pause().isPresent()) {
        pauses.add(now);
        resumeOwed = true;
      }
      if (admission.finished() && running == 0) {
        if (!resumeOwed) {
          break;
        }
        resumeOwed = false;
        admission = admission(rollout, hosts, policy, ends);
        continue;
      }
      if (decision.wakeAt().isPresent()) {
        long wake = decision.wakeAt().get().toEpochMilli() - EPOCH.toEpochMilli();
        if (wakes.add(wake)) {
          events.add(new Event(wake, -1, null, false));
        }
      }
      Event next = events.poll();
      if (next == null) {
        break;
      }
      now = next.at;
      List<Event> batch = new ArrayList<>(List.of(next));
      while (!events.isEmpty() && events.peek().at == now) {
        batch.add(events.poll());
      }
      for (Event event : batch) {
        if (event.host == null) {
          wakes.remove(event.at);
          continue;
        }
        running--;
        ends.put(event.host, event.failed ? "failed" : "done");
        admission.ended(event.host, event.failed);
        if (!event.failed) {
          for (String cluster : clustersOf.getOrDefault(event.host, List.of())) {
            policy.memberBack(cluster, EPOCH.plusMillis(now));
          }
        }
      }
    }
    Map<String, String> notStarted = new LinkedHashMap<>(admission.notStarted());
    return Measure.report(
        "herd", seed, fleet, hosts, durations, downloadEnd, ends, out, notStarted, pauses);
  }

  private Admission admission(
      Rollout rollout, List<String> hosts, SimulatedPolicy policy, Map<String, String> ends) {
    Admission admission = new Admission(rollout, hosts, policy, fleet.parallel());
    ends.forEach((host, end) -> admission.settled(host, !end.equals("done")));
    return admission;
  }

  /** The download phase; records failed downloads in {@code ends}; returns its end. */
  private long downloads(List<String> hosts, Map<String, String> ends) {
    for (String host : hosts) {
      if (durations.downloadFails(host)) {
        ends.put(host, "failed-download");
      }
    }
    return Measure.downloadPhase(hosts, durations);
  }
}
