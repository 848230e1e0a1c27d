package org.herd.engine.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.herd.engine.Rollout;
import org.herd.engine.Serial;
import org.herd.engine.UpgradeStep;

/**
 * The comparison strategy: what an Ansible playbook does with the same fleet. One play per group
 * (cluster, pool, standalone hosts), plays one after another, waves in order; each play cut into
 * {@code serial} batches (the cluster's budget, or the fleet's {@code serial} for standalone
 * hosts); each batch runs the whole play — download included — on at most {@code parallel} hosts
 * (forks) and ends when its last host ends. No health gates; a play stops when every host of a
 * batch failed, as Ansible's does.
 */
final class AnsibleSerial {

  private AnsibleSerial() {}

  static SimulationReport run(Fleet fleet, long seed) {
    HostDurations durations = new HostDurations(fleet, seed);
    List<String> hosts = SyntheticPlans.executableHosts(fleet);
    Rollout rollout = FleetRollout.of(fleet, hosts);
    Map<String, String> ends = new LinkedHashMap<>();
    Map<String, long[]> out = new HashMap<>();
    Map<String, String> notStarted = new LinkedHashMap<>();
    Set<String> played = new HashSet<>();
    long now = 0;
    List<Rollout.Stage> waves = rollout.waves();
    for (int w = 0; w < waves.size(); w++) {
      Set<String> inWave = new HashSet<>(waves.get(w).hosts());
      for (FleetGroup group : fleet.groups()) {
        List<String> play =
            group.members().stream().filter(h -> inWave.contains(h) && played.add(h)).toList();
        if (play.isEmpty()) {
          continue;
        }
        Serial serial =
            group.clustered() ? Serial.parse(String.valueOf(group.budget())) : fleet.serial();
        int from = 0;
        for (int size : serial.batches(play.size())) {
          List<String> batch = play.subList(from, from + size);
          from += size;
          now = batch(batch, now, fleet.parallel(), durations, ends, out);
          if (batch.stream().allMatch(h -> ends.get(h).startsWith("failed"))) {
            for (String host : play.subList(from, play.size())) {
              notStarted.put(
                  host, "play " + group.name() + " stopped: every host of a batch failed");
            }
            break;
          }
        }
      }
      if (w + 1 < waves.size()) {
        now += waves.get(w).soak().toMillis();
      }
    }
    return Measure.report(
        "ansible-serial", seed, fleet, hosts, durations, 0, ends, out, notStarted, List.of());
  }

  /** One batch on at most {@code forks} hosts at once; when it ends. */
  private static long batch(
      List<String> batch,
      long start,
      int forks,
      HostDurations durations,
      Map<String, String> ends,
      Map<String, long[]> out) {
    PriorityQueue<Long> slots = new PriorityQueue<>();
    for (int i = 0; i < Math.min(forks, batch.size()); i++) {
      slots.add(start);
    }
    long end = start;
    for (String host : batch) {
      long begin = slots.poll();
      long downloaded = begin + durations.of(host, UpgradeStep.DOWNLOAD);
      if (durations.downloadFails(host)) {
        ends.put(host, "failed-download");
        slots.add(downloaded);
        end = Math.max(end, downloaded);
        continue;
      }
      HostDurations.Upgrade upgrade = durations.upgrade(host);
      long done = downloaded + upgrade.millis();
      out.put(host, new long[] {downloaded, done});
      ends.put(host, upgrade.failed() ? "failed" : "done");
      slots.add(done);
      end = Math.max(end, done);
    }
    return end;
  }
}
