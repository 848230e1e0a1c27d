package org.herd.engine.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herd.engine.Rollout;

/** Turns what a simulation recorded into its {@link SimulationReport}: measured, not configured. */
final class Measure {

  private Measure() {}

  static SimulationReport report(
      String strategy,
      long seed,
      Fleet fleet,
      List<String> hosts,
      HostDurations durations,
      long downloadEnd,
      Map<String, String> ends,
      Map<String, long[]> out,
      Map<String, String> notStarted,
      int pauses) {
    Set<String> inRun = new HashSet<>(hosts);
    List<SimulationReport.GroupTimeline> groups = new ArrayList<>();
    for (FleetGroup group : fleet.groups()) {
      List<String> members = group.members().stream().filter(inRun::contains).toList();
      int allowed =
          group.clustered() ? group.budget().allowed(group.members().size()) : fleet.parallel();
      long first = -1;
      long last = -1;
      int done = 0;
      int failed = 0;
      int never = 0;
      for (String member : members) {
        long[] interval = out.get(member);
        if (interval != null) {
          first = first < 0 ? interval[0] : Math.min(first, interval[0]);
          last = Math.max(last, interval[1]);
        }
        String end = ends.getOrDefault(member, "not-started");
        if (end.equals("done")) {
          done++;
        } else if (end.startsWith("failed")) {
          failed++;
        } else {
          never++;
        }
      }
      groups.add(
          new SimulationReport.GroupTimeline(
              group.name(),
              group.kind().name().toLowerCase(java.util.Locale.ROOT),
              members.size(),
              allowed,
              maxOut(members, out),
              first,
              last,
              done,
              failed,
              never));
    }
    List<SimulationReport.HostTimeline> timelines = new ArrayList<>();
    long makespan = downloadEnd;
    for (String host : hosts) {
      long[] interval = out.get(host);
      String end = ends.getOrDefault(host, "not-started");
      timelines.add(
          new SimulationReport.HostTimeline(
              host, interval == null ? -1 : interval[0], interval == null ? -1 : interval[1], end));
      if (interval != null) {
        makespan = Math.max(makespan, interval[1]);
      }
    }
    Map<String, String> reasons = new LinkedHashMap<>();
    for (String host : hosts) {
      if (!ends.containsKey(host)) {
        reasons.put(host, notStarted.getOrDefault(host, "not started"));
      }
    }
    return new SimulationReport(
        strategy,
        seed,
        hosts.size(),
        strategy.equals("herd") ? downloadEnd : 0,
        makespan,
        lowerBound(fleet, hosts, durations, downloadPhase(hosts, durations)),
        groups,
        timelines,
        reasons,
        pauses);
  }

  /** How long the fleet-wide download phase takes: every host, the executor's fan-out at a time. */
  static long downloadPhase(List<String> hosts, HostDurations durations) {
    java.util.PriorityQueue<Long> slots = new java.util.PriorityQueue<>();
    int fanout = Math.min(org.herd.engine.RunExecutor.DOWNLOAD_FANOUT, Math.max(1, hosts.size()));
    for (int i = 0; i < fanout; i++) {
      slots.add(0L);
    }
    long end = 0;
    for (String host : hosts) {
      long done = slots.poll() + durations.of(host, org.herd.engine.UpgradeStep.DOWNLOAD);
      slots.add(done);
      end = Math.max(end, done);
    }
    return end;
  }

  /** The most members out at once: a sweep over their intervals (an end before a start). */
  static int maxOut(List<String> members, Map<String, long[]> out) {
    List<long[]> points = new ArrayList<>();
    for (String member : members) {
      long[] interval = out.get(member);
      if (interval != null) {
        points.add(new long[] {interval[0], 1});
        points.add(new long[] {interval[1], -1});
      }
    }
    points.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int now = 0;
    int most = 0;
    for (long[] point : points) {
      now += (int) point[1];
      most = Math.max(most, now);
    }
    return most;
  }

  /**
   * The critical-path lower bound: the download phase, then for each wave the longest of its
   * groups' total disruption time over the group's budget (never less than its longest member),
   * plus the soaks between waves. No schedule that keeps the budgets can be shorter.
   */
  static long lowerBound(Fleet fleet, List<String> hosts, HostDurations durations, long download) {
    Rollout rollout = FleetRollout.of(fleet, hosts);
    long total = download;
    List<Rollout.Stage> waves = rollout.waves();
    for (int i = 0; i < waves.size(); i++) {
      Set<String> inWave = new HashSet<>(waves.get(i).hosts());
      long longest = 0;
      for (FleetGroup group : fleet.groups()) {
        int allowed =
            group.clustered() ? group.budget().allowed(group.members().size()) : fleet.parallel();
        long sum = 0;
        long single = 0;
        for (String member : group.members()) {
          if (inWave.contains(member)) {
            long d = durations.upgrade(member).millis();
            sum += d;
            single = Math.max(single, d);
          }
        }
        longest = Math.max(longest, Math.max(single, (sum + allowed - 1) / allowed));
      }
      total += longest;
      if (i + 1 < waves.size()) {
        total += waves.get(i).soak().toMillis();
      }
    }
    return total;
  }
}
