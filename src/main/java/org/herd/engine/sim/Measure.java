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
      List<Long> pauses) {
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
        lowerBound(
            fleet,
            hosts,
            outMillis(out, ends, durations),
            downloadPhase(hosts, durations),
            soaksSkipped(FleetRollout.of(fleet, hosts), out, pauses)),
        groups,
        timelines,
        reasons,
        pauses.size());
  }

  /**
   * How long each host that went out is out, for the lower bound: its whole step sequence when it
   * finished it, what it really took when it failed (a failed host stops early).
   */
  private static Map<String, Long> outMillis(
      Map<String, long[]> out, Map<String, String> ends, HostDurations durations) {
    Map<String, Long> millis = new LinkedHashMap<>();
    out.forEach(
        (host, interval) ->
            millis.put(
                host,
                "done".equals(ends.get(host))
                    ? durations.upgrade(host).millis()
                    : interval[1] - interval[0]));
    return millis;
  }

  /**
   * How long the fleet-wide download phase takes: every host, herd's default fan-out at a time (as
   * the executor downloads without {@code -f}).
   */
  static long downloadPhase(List<String> hosts, HostDurations durations) {
    java.util.PriorityQueue<Long> slots = new java.util.PriorityQueue<>();
    int fanout = Math.min(org.herd.fleet.FanOutSettings.DEFAULT_FANOUT, Math.max(1, hosts.size()));
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
   * plus the soaks between waves that both had hosts out. Only hosts that went out count (a host
   * left not started takes no time), each for {@code outMillis}. No schedule that keeps the budgets
   * can be shorter. The soaks of the waves in {@code unsoaked} are not counted (see {@link
   * #soaksSkipped}).
   */
  static long lowerBound(
      Fleet fleet,
      List<String> hosts,
      Map<String, Long> outMillis,
      long download,
      Set<String> unsoaked) {
    Set<String> started = outMillis.keySet();
    Rollout rollout = FleetRollout.of(fleet, hosts);
    long total = download;
    List<Rollout.Stage> waves = rollout.waves();
    long owedSoak = 0;
    for (Rollout.Stage wave : waves) {
      Set<String> inWave = new HashSet<>(wave.hosts());
      inWave.retainAll(started);
      if (inWave.isEmpty()) {
        continue;
      }
      long longest = 0;
      for (FleetGroup group : fleet.groups()) {
        int allowed =
            group.clustered() ? group.budget().allowed(group.members().size()) : fleet.parallel();
        long sum = 0;
        long single = 0;
        for (String member : group.members()) {
          if (inWave.contains(member)) {
            long d = outMillis.get(member);
            sum += d;
            single = Math.max(single, d);
          }
        }
        longest = Math.max(longest, Math.max(single, (sum + allowed - 1) / allowed));
      }
      total += owedSoak + longest;
      owedSoak = unsoaked.contains(wave.name()) ? 0 : wave.soak().toMillis();
    }
    return total;
  }

  /**
   * The waves whose soak a canary pause skipped. A pause (resumed at once by the simulator, as the
   * operator's {@code herd resume}) comes while a wave runs, when its canaries are done; the
   * resumed run does not soak again a wave that had ended before it (the operator's resume is the
   * confirmation). So the soak of the wave running at a pause is skipped when every one of its
   * hosts that went out had ended by then and none went out after; the waves before it soaked
   * before the pause, and the later ones soak after it. A host that went out at the very instant of
   * the pause went out after it: the pausing decision starts nothing, the resumed run does.
   *
   * @param out each host's interval out of service, {start, end}
   * @param pauses when each pause came (from the simulation's start)
   */
  static Set<String> soaksSkipped(Rollout rollout, Map<String, long[]> out, List<Long> pauses) {
    Set<String> skipped = new HashSet<>();
    for (long pause : pauses) {
      Rollout.Stage running = null;
      for (Rollout.Stage wave : rollout.waves()) {
        if (wave.hosts().stream().anyMatch(h -> out.containsKey(h) && out.get(h)[0] < pause)) {
          running = wave;
        }
      }
      if (running != null
          && running.hosts().stream()
              .filter(out::containsKey)
              .allMatch(h -> out.get(h)[0] < pause && out.get(h)[1] <= pause)) {
        skipped.add(running.name());
      }
    }
    return skipped;
  }
}
