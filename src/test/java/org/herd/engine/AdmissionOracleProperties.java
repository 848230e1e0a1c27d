package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The incremental {@link Admission} decides exactly what the straightforward re-scan ({@link
 * RescanAdmission}, the scheduler before it was made incremental) decides: driven in lockstep over
 * random rollouts (clusters sharing members, budgets, orders, waves with soaks, serial batches,
 * canaries, hosts settled or in flight from an earlier execution) with gates and ok-to-stop checks
 * failing in random windows (some telling until when they stay the same), random host durations and
 * failures, and decisions asked at random extra times, both give the same hosts to start, the same
 * wake-up, pause, waiting reasons, finished state and not-started reasons at every step.
 */
class AdmissionOracleProperties {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Property(tries = 600)
  void theIncrementalAdmissionDecidesWhatAFullRescanDecides(@ForAll long seed) {
    Random random = new Random(seed);
    Rollout rollout = randomRollout(random);
    List<String> hosts = rollout.waves().stream().flatMap(w -> w.hosts().stream()).toList();
    WindowPolicy policy = new WindowPolicy(random, rollout);
    Map<String, Boolean> ended = new LinkedHashMap<>();
    for (String host : hosts) {
      if (random.nextInt(12) == 0) {
        ended.put(host, random.nextInt(3) == 0);
      }
    }
    List<String> inFlight = new ArrayList<>();
    for (String host : hosts) {
      if (!ended.containsKey(host) && random.nextInt(15) == 0) {
        inFlight.add(host);
      }
    }
    int parallel = 1 + random.nextInt(4);
    Pair pair = Pair.of(rollout, hosts, policy, parallel, ended, inFlight);
    PriorityQueue<long[]> ends = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    List<String> names = new ArrayList<>(hosts);
    long now = 0;
    for (int step = 0; step < 5_000; step++) {
      policy.now = T0.plusMillis(now);
      Admission.Decision expected = pair.oracle.next(policy.now);
      Admission.Decision actual = pair.admission.next(policy.now);
      String at = "step " + step + " at " + Duration.ofMillis(now);
      assertThat(actual).as(at).isEqualTo(expected);
      assertThat(pair.admission.notStarted())
          .as(at)
          .containsExactlyEntriesOf(pair.oracle.notStarted());
      assertThat(new HashMap<>(pair.admission.waiting())).as(at).isEqualTo(pair.oracle.waiting());
      assertThat(pair.admission.finished()).as(at).isEqualTo(pair.oracle.finished());
      for (String host : actual.start()) {
        ends.add(new long[] {now + 1_000L * (1 + random.nextInt(240)), names.indexOf(host)});
      }
      if (pair.oracle.finished() && ends.isEmpty()) {
        if (expected.pause().isEmpty()) {
          return;
        }
        pair = Pair.of(rollout, hosts, policy, parallel, ended, List.of()); // herd resume
        continue;
      }
      long next = Long.MAX_VALUE;
      if (!ends.isEmpty()) {
        next = ends.peek()[0];
      }
      if (expected.wakeAt().isPresent()) {
        next = Math.min(next, expected.wakeAt().get().toEpochMilli() - T0.toEpochMilli());
      }
      if (next == Long.MAX_VALUE) {
        return;
      }
      if (random.nextInt(4) == 0) {
        next = now + random.nextInt((int) Math.min(Integer.MAX_VALUE, next - now + 1)); // early
      }
      now = next;
      while (!ends.isEmpty() && ends.peek()[0] <= now) {
        String host = names.get((int) ends.poll()[1]);
        boolean failed = random.nextInt(10) == 0;
        ended.put(host, failed);
        pair.oracle.ended(host, failed);
        pair.admission.ended(host, failed);
      }
    }
  }

  /** The oracle and the admission under test, built alike. */
  private record Pair(RescanAdmission oracle, Admission admission) {
    static Pair of(
        Rollout rollout,
        List<String> hosts,
        ClusterPolicy policy,
        int parallel,
        Map<String, Boolean> ended,
        List<String> inFlight) {
      RescanAdmission oracle = new RescanAdmission(rollout, hosts, policy, parallel);
      Admission admission = new Admission(rollout, hosts, policy, parallel);
      ended.forEach(
          (host, failed) -> {
            oracle.settled(host, failed);
            admission.settled(host, failed);
          });
      inFlight.forEach(
          host -> {
            oracle.inFlight(host);
            admission.inFlight(host);
          });
      return new Pair(oracle, admission);
    }
  }

  private static Rollout randomRollout(Random random) {
    List<String> hosts = new ArrayList<>();
    int count = 1 + random.nextInt(30);
    for (int i = 1; i <= count; i++) {
      hosts.add("h" + i);
    }
    List<Rollout.ClusterRule> clusters = new ArrayList<>();
    int clusterCount = random.nextInt(7);
    for (int c = 0; c < clusterCount; c++) {
      List<String> members = new ArrayList<>();
      for (String host : hosts) {
        if (random.nextInt(Math.max(2, count / 3)) == 0) {
          members.add(host);
        }
      }
      if (!members.isEmpty()) {
        clusters.add(new Rollout.ClusterRule("c" + c, members, 1 + random.nextInt(3)));
      }
    }
    List<String> shuffled = new ArrayList<>(hosts);
    Collections.shuffle(shuffled, random);
    List<Rollout.Stage> waves = new ArrayList<>();
    int waveCount = 1 + random.nextInt(3);
    int from = 0;
    for (int w = 0; w < waveCount; w++) {
      int to = w == waveCount - 1 ? shuffled.size() : from + random.nextInt(shuffled.size() - from);
      List<String> waveHosts = hosts.stream().filter(shuffled.subList(from, to)::contains).toList();
      waves.add(new Rollout.Stage("w" + w, waveHosts, Duration.ofMinutes(random.nextInt(3) * 5L)));
      from = to;
    }
    Serial serial =
        List.of(Serial.ALL, Serial.parse("1"), Serial.parse("30%"), Serial.parse("1,3,50%"))
            .get(random.nextInt(4));
    Canary canary =
        List.of(Canary.NONE, new Canary.Pause(), new Canary.Soak(Duration.ofMinutes(3)))
            .get(random.nextInt(3));
    return new Rollout(
        clusters,
        waves,
        serial,
        canary,
        Duration.ofSeconds(10),
        Duration.ofMinutes(1 + random.nextInt(10)));
  }

  /**
   * Gates and ok-to-stop checks that fail in random, disjoint windows of time, some telling (truly)
   * until when their answer stays the same; member orders shuffled for some clusters.
   */
  private static final class WindowPolicy implements ClusterPolicy {
    private record Window(long from, long to, String reason, boolean told) {}

    private final Map<String, List<Window>> windows = new HashMap<>();
    private final Map<String, List<String>> orders = new HashMap<>();
    Instant now = T0;

    WindowPolicy(Random random, Rollout rollout) {
      for (Rollout.ClusterRule cluster : rollout.clusters()) {
        windows.put("gate " + cluster.name(), randomWindows(random));
        for (String member : cluster.members()) {
          windows.put("stop " + cluster.name() + " " + member, randomWindows(random));
        }
        if (random.nextBoolean()) {
          List<String> order = new ArrayList<>(cluster.members());
          Collections.shuffle(order, random);
          orders.put(cluster.name(), order);
        }
      }
    }

    private static List<Window> randomWindows(Random random) {
      List<Window> list = new ArrayList<>();
      long at = 0;
      int count = random.nextInt(4);
      for (int i = 0; i < count; i++) {
        long from = at + 1_000L * random.nextInt(900);
        long to = from + 1_000L * (1 + random.nextInt(600));
        list.add(new Window(from, to, "failure " + i, random.nextBoolean()));
        at = to;
      }
      return list;
    }

    private GateVerdict answer(String key) {
      long at = now.toEpochMilli() - T0.toEpochMilli();
      for (Window window : windows.getOrDefault(key, List.of())) {
        if (at >= window.from && at < window.to) {
          return new GateVerdict.Fail(
              window.reason,
              window.told ? Optional.of(T0.plusMillis(window.to)) : Optional.empty());
        }
      }
      return GateVerdict.PASS;
    }

    @Override
    public List<String> order(String cluster, List<String> members) {
      return orders.getOrDefault(cluster, members);
    }

    @Override
    public GateVerdict gate(String cluster) {
      return answer("gate " + cluster);
    }

    @Override
    public GateVerdict okToStop(String cluster, String member) {
      return answer("stop " + cluster + " " + member);
    }

    @Override
    public StepResult finalizeCluster(String cluster) {
      return new StepResult.Skipped("nothing to finalize");
    }
  }
}
