package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** A policy whose gates the test sets, recording what it was asked. */
  static final class SetPolicy implements ClusterPolicy {
    final Map<String, String> failingGates = new HashMap<>();
    final Map<String, String> notOkToStop = new HashMap<>();
    final Map<String, List<String>> orders = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public List<String> order(String cluster, List<String> members) {
      return orders.getOrDefault(cluster, members);
    }

    @Override
    public GateVerdict gate(String cluster) {
      asked.add("gate " + cluster);
      String reason = failingGates.get(cluster);
      return reason == null ? GateVerdict.PASS : new GateVerdict.Fail(reason);
    }

    @Override
    public GateVerdict okToStop(String cluster, String member) {
      String reason = notOkToStop.get(member);
      return reason == null ? GateVerdict.PASS : new GateVerdict.Fail(reason);
    }

    @Override
    public StepResult finalizeCluster(String cluster) {
      return new StepResult.Skipped("none");
    }
  }

  private final SetPolicy policy = new SetPolicy();

  private static Rollout.ClusterRule cluster(String name, int allowed, String... members) {
    return new Rollout.ClusterRule(name, List.of(members), allowed);
  }

  private static Rollout rollout(List<Rollout.ClusterRule> clusters, List<Rollout.Stage> waves) {
    return new Rollout(
        clusters, waves, Serial.ALL, Canary.NONE, Duration.ofSeconds(10), Duration.ofMinutes(5));
  }

  private static Rollout.Stage wave(String name, Duration soak, String... hosts) {
    return new Rollout.Stage(name, List.of(hosts), soak);
  }

  private Admission admission(Rollout rollout, int parallel) {
    List<String> hosts = rollout.waves().stream().flatMap(w -> w.hosts().stream()).toList();
    return new Admission(rollout, hosts, policy, parallel);
  }

  @Test
  void aClusterTakesOutItsBudgetInOrderAndTheNextMemberWhenOneEnds() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("kafka", 2, "k1", "k2", "k3", "k4")),
                List.of(wave("all", Duration.ZERO, "k1", "k2", "k3", "k4"))),
            1);
    policy.orders.put("kafka", List.of("k4", "k3", "k2", "k1"));

    assertThat(admission.next(T0).start()).containsExactly("k4", "k3");
    assertThat(admission.next(T0).start()).isEmpty();
    assertThat(admission.waiting()).containsEntry("k2", "cluster kafka at its budget");
    admission.ended("k3", false);
    assertThat(admission.next(T0).start()).containsExactly("k2");
    admission.ended("k4", false);
    admission.ended("k2", false);
    assertThat(admission.next(T0).start()).containsExactly("k1");
    admission.ended("k1", false);
    assertThat(admission.next(T0).start()).isEmpty();
    assertThat(admission.finished()).isTrue();
    assertThat(admission.notStarted()).isEmpty();
  }

  @Test
  void clustersProgressInParallelAndAHostInTwoClustersNeedsBoth() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("rabbit", 1, "c1", "c2"), cluster("galera", 1, "c2", "c1", "g3")),
                List.of(wave("all", Duration.ZERO, "c1", "c2", "g3"))),
            1);

    // rabbit's next is c1, galera's next is c2: neither member is next in both clusters
    Admission.Decision first = admission.next(T0);
    assertThat(first.start()).isEmpty();
    assertThat(admission.finished()).isTrue();
    assertThat(admission.notStarted()).containsKeys("c1", "c2");
    assertThat(admission.notStarted().get("c1")).contains("member order");
  }

  @Test
  void aSharedHostWaitsForTheBudgetOfEachOfItsClusters() {
    policy.orders.put("galera", List.of("g3", "c1"));
    Admission admission =
        admission(
            rollout(
                List.of(cluster("rabbit", 1, "c1", "r2"), cluster("galera", 1, "g3", "c1")),
                List.of(wave("all", Duration.ZERO, "c1", "r2", "g3"))),
            1);

    assertThat(admission.next(T0).start()).containsExactly("g3");
    assertThat(admission.waiting()).containsEntry("c1", "cluster galera at its budget");
    admission.ended("g3", false);
    assertThat(admission.next(T0).start()).containsExactly("c1");
    admission.ended("c1", false);
    assertThat(admission.next(T0).start()).containsExactly("r2");
  }

  @Test
  void aFailingGateHoldsTheClusterThenGivesItUpAtTheDeadline() {
    policy.failingGates.put("db", "wsrep_cluster_size 2, expected 3");
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 1, "db1", "db2", "db3")),
                List.of(wave("all", Duration.ZERO, "db1", "db2", "db3", "web1"))),
            1);

    Admission.Decision decision = admission.next(T0);
    assertThat(decision.start()).containsExactly("web1");
    assertThat(decision.wakeAt()).contains(T0.plusSeconds(10));
    assertThat(admission.waiting())
        .containsEntry("db1", "cluster db health gate failing: wsrep_cluster_size 2, expected 3");
    admission.ended("web1", false);
    assertThat(admission.next(T0.plusSeconds(10)).start()).isEmpty();
    Admission.Decision late = admission.next(T0.plus(Duration.ofMinutes(5)));
    assertThat(late.start()).isEmpty();
    assertThat(admission.finished()).isTrue();
    assertThat(admission.notStarted())
        .containsOnlyKeys("db1", "db2", "db3")
        .containsEntry(
            "db2", "cluster db health gate failing for 5m: wsrep_cluster_size 2, expected 3");
  }

  @Test
  void aGateThatPassesAgainLetsTheClusterGoOn() {
    policy.failingGates.put("db", "syncing");
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 1, "db1", "db2")),
                List.of(wave("all", Duration.ZERO, "db1", "db2"))),
            1);
    assertThat(admission.next(T0).start()).isEmpty();
    policy.failingGates.clear();
    assertThat(admission.next(T0.plusSeconds(10)).start()).containsExactly("db1");
  }

  @Test
  void okToStopIsAskedPerMember() {
    policy.notOkToStop.put("e1", "e1 is the leader");
    Admission admission =
        admission(
            rollout(
                List.of(cluster("etcd", 1, "e1", "e2")),
                List.of(wave("all", Duration.ZERO, "e1", "e2"))),
            1);
    Admission.Decision decision = admission.next(T0);
    assertThat(decision.start()).isEmpty();
    assertThat(decision.wakeAt()).isPresent();
    assertThat(admission.waiting())
        .containsEntry("e1", "cluster etcd ok-to-stop of e1 failing: e1 is the leader");
  }

  @Test
  void aFailedMemberDegradesItsClusterAndItsBudgetStaysConsumed() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 2, "db1", "db2", "db3", "db4")),
                List.of(wave("all", Duration.ZERO, "db1", "db2", "db3", "db4"))),
            1);
    assertThat(admission.next(T0).start()).containsExactly("db1", "db2");
    admission.ended("db2", true);
    assertThat(admission.next(T0).start()).isEmpty();
    assertThat(admission.notStarted())
        .containsEntry("db3", "cluster db degraded by db2")
        .containsEntry("db4", "cluster db degraded by db2");
    assertThat(admission.finished()).isFalse();
    admission.ended("db1", false);
    assertThat(admission.finished()).isTrue();
  }

  @Test
  void aFailedHostFromAnEarlierExecutionDegradesItsClusterToo() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 1, "db1", "db2")),
                List.of(wave("all", Duration.ZERO, "db1", "db2"))),
            1);
    admission.settled("db1", true);
    assertThat(admission.next(T0).start()).isEmpty();
    assertThat(admission.notStarted()).containsEntry("db2", "cluster db degraded by db1");
  }

  @Test
  void wavesRunInOrderEachSoakedAndGatedBeforeTheNext() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 1, "s1", "p1")),
                List.of(
                    wave("staging", Duration.ofMinutes(30), "s1", "s2"),
                    wave("production", Duration.ZERO, "p1", "p2"))),
            5);
    assertThat(admission.next(T0).start()).containsExactly("s1", "s2");
    admission.ended("s1", false);
    admission.ended("s2", false);
    Instant end = T0.plusSeconds(60);
    Admission.Decision soaking = admission.next(end);
    assertThat(soaking.start()).isEmpty();
    assertThat(soaking.wakeAt()).contains(end.plus(Duration.ofMinutes(30)));
    policy.failingGates.put("db", "not synced");
    Admission.Decision gated = admission.next(end.plus(Duration.ofMinutes(30)));
    assertThat(gated.start()).isEmpty();
    assertThat(gated.wakeAt()).contains(end.plus(Duration.ofMinutes(30)).plusSeconds(10));
    policy.failingGates.clear();
    assertThat(admission.next(end.plus(Duration.ofMinutes(31))).start())
        .containsExactly("p1", "p2");
  }

  @Test
  void aWaveWithAFailedHostEndsTheRolloutThere() {
    Admission admission =
        admission(
            rollout(
                List.of(),
                List.of(
                    wave("staging", Duration.ZERO, "s1", "s2"),
                    wave("production", Duration.ZERO, "p1"))),
            5);
    admission.next(T0);
    admission.ended("s1", true);
    admission.ended("s2", false);
    admission.next(T0);
    assertThat(admission.finished()).isTrue();
    assertThat(admission.notStarted())
        .containsExactly(
            Map.entry("p1", "wave production not reached: wave staging has failed hosts (s1)"));
  }

  @Test
  void aFleetGateFailingPastTheDeadlineLeavesLaterWavesUnreached() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 1, "s1")),
                List.of(
                    wave("staging", Duration.ZERO, "s1"), wave("production", Duration.ZERO, "p1"))),
            5);
    admission.next(T0);
    admission.ended("s1", false);
    policy.failingGates.put("db", "down");
    admission.next(T0);
    admission.next(T0.plus(Duration.ofMinutes(5)));
    assertThat(admission.notStarted())
        .containsEntry(
            "p1",
            "wave production not reached: fleet gate after wave staging failing: cluster db: down");
  }

  @Test
  void standaloneHostsGoInSerialBatchesUpToParallel() {
    List<String> hosts = List.of("w1", "w2", "w3", "w4", "w5", "w6");
    Rollout rollout =
        new Rollout(
            List.of(),
            List.of(new Rollout.Stage("all", hosts, Duration.ZERO)),
            Serial.parse("1,4"),
            Canary.NONE,
            Duration.ofSeconds(10),
            Duration.ofMinutes(5));
    Admission admission = new Admission(rollout, hosts, policy, 3);
    assertThat(admission.next(T0).start()).containsExactly("w1");
    assertThat(admission.next(T0).start()).isEmpty();
    admission.ended("w1", false);
    assertThat(admission.next(T0).start()).containsExactly("w2", "w3", "w4");
    admission.ended("w2", false);
    assertThat(admission.next(T0).start()).containsExactly("w5");
    admission.ended("w3", false);
    admission.ended("w4", false);
    assertThat(admission.next(T0).start()).isEmpty(); // w5 is still out: the batch is not over
    admission.ended("w5", false);
    assertThat(admission.next(T0).start()).containsExactly("w6");
  }

  @Test
  void canariesGoAloneThenThePausesRun() {
    Rollout rollout =
        new Rollout(
            List.of(cluster("a", 2, "a1", "a2", "a3"), cluster("b", 2, "b1", "b2")),
            List.of(wave("all", Duration.ZERO, "a1", "a2", "a3", "b1", "b2", "w1")),
            Serial.ALL,
            new Canary.Pause(),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5));
    Admission admission = new Admission(rollout, rollout.waves().get(0).hosts(), policy, 5);
    assertThat(admission.next(T0).start()).containsExactly("a1", "b1");
    admission.ended("a1", false);
    assertThat(admission.next(T0).start()).isEmpty();
    admission.ended("b1", false);
    Admission.Decision decision = admission.next(T0);
    assertThat(decision.start()).isEmpty();
    assertThat(decision.pause()).isPresent();
    assertThat(admission.finished()).isTrue();

    // resumed: the canaries are settled, the clusters use their whole budget
    Admission resumed = new Admission(rollout, rollout.waves().get(0).hosts(), policy, 5);
    resumed.settled("a1", false);
    resumed.settled("b1", false);
    assertThat(resumed.next(T0).start()).containsExactly("a2", "a3", "b2", "w1");
  }

  @Test
  void canariesSoakedGoOnAlone() {
    Rollout rollout =
        new Rollout(
            List.of(cluster("a", 2, "a1", "a2", "a3")),
            List.of(wave("all", Duration.ZERO, "a1", "a2", "a3")),
            Serial.ALL,
            new Canary.Soak(Duration.ofMinutes(10)),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5));
    Admission admission = new Admission(rollout, rollout.waves().get(0).hosts(), policy, 5);
    assertThat(admission.next(T0).start()).containsExactly("a1");
    admission.ended("a1", false);
    Admission.Decision soaking = admission.next(T0.plusSeconds(5));
    assertThat(soaking.start()).isEmpty();
    assertThat(soaking.wakeAt()).contains(T0.plusSeconds(5).plus(Duration.ofMinutes(10)));
    assertThat(soaking.pause()).isEmpty();
    assertThat(admission.next(T0.plus(Duration.ofMinutes(11))).start()).containsExactly("a2", "a3");
  }

  @Test
  void theDecisionTellsNoWakeWhenNothingWaitsOnTime() {
    Admission admission =
        admission(rollout(List.of(), List.of(wave("all", Duration.ZERO, "h1"))), 1);
    assertThat(admission.next(T0).wakeAt()).isEqualTo(Optional.empty());
  }

  private static Rollout.ClusterRule ahead(String name, int allowed, String... members) {
    return new Rollout.ClusterRule(name, List.of(members), allowed, true);
  }

  @Test
  void membersInstallingAheadAllPrepareAtOnceAndStartInOrderOnceEachIsPrepared() {
    policy.orders.put("etcd", List.of("e2", "e3", "e1"));
    Admission admission =
        admission(
            rollout(
                List.of(ahead("etcd", 1, "e1", "e2", "e3")),
                List.of(wave("all", Duration.ZERO, "e1", "e2", "e3"))),
            1);

    Admission.Decision first = admission.next(T0);
    assertThat(first.prepare()).containsExactlyInAnyOrder("e1", "e2", "e3");
    assertThat(first.start()).isEmpty();
    assertThat(admission.finished()).isFalse();
    // The last in order is prepared first: it still waits for e2, the first in order.
    admission.prepared("e1", false);
    assertThat(admission.next(T0).start()).isEmpty();
    assertThat(admission.waiting()).containsEntry("e2", "cluster etcd member e2 installing ahead");
    admission.prepared("e2", false);
    Admission.Decision second = admission.next(T0);
    assertThat(second.start()).containsExactly("e2");
    assertThat(second.prepare()).isEmpty();
    admission.prepared("e3", false);
    assertThat(admission.next(T0).start()).isEmpty();
    admission.ended("e2", false);
    assertThat(admission.next(T0).start()).containsExactly("e3");
    admission.ended("e3", false);
    assertThat(admission.next(T0).start()).containsExactly("e1");
    admission.ended("e1", false);
    assertThat(admission.finished()).isTrue();
    assertThat(admission.notStarted()).isEmpty();
  }

  @Test
  void aFailedPreparationDegradesTheClusterAndNothingMoreOfItGoesOut() {
    Admission admission =
        admission(
            rollout(
                List.of(ahead("etcd", 1, "e1", "e2", "e3")),
                List.of(wave("all", Duration.ZERO, "e1", "e2", "e3"))),
            1);

    assertThat(admission.next(T0).prepare()).hasSize(3);
    admission.prepared("e2", true);
    admission.prepared("e1", false);
    admission.prepared("e3", false);
    assertThat(admission.next(T0).start()).isEmpty();
    assertThat(admission.finished()).isTrue();
    assertThat(admission.notStarted()).containsOnlyKeys("e1", "e3");
    assertThat(admission.notStarted().get("e1")).contains("degraded by e2");
  }

  @Test
  void onlyTheCurrentWavePreparesAndNothingWhileCanariesRun() {
    Rollout rollout =
        new Rollout(
            List.of(ahead("a", 1, "a1", "a2", "a3"), ahead("b", 1, "b1", "b2")),
            List.of(
                wave("first", Duration.ZERO, "a1", "a2", "a3"),
                wave("second", Duration.ZERO, "b1", "b2")),
            Serial.ALL,
            new Canary.Soak(Duration.ZERO),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5));
    Admission admission = admission(rollout, 1);

    // The canary goes in its turn, installing then; nobody installs ahead meanwhile.
    Admission.Decision canary = admission.next(T0);
    assertThat(canary.start()).containsExactly("a1");
    assertThat(canary.prepare()).isEmpty();
    admission.ended("a1", false);
    Admission.Decision after = admission.next(T0);
    assertThat(after.prepare()).containsExactlyInAnyOrder("a2", "a3");
    assertThat(after.start()).isEmpty();
    admission.prepared("a2", false);
    admission.prepared("a3", false);
    assertThat(admission.next(T0).start()).containsExactly("a2");
    admission.ended("a2", false);
    assertThat(admission.next(T0).start()).containsExactly("a3");
    admission.ended("a3", false);
    // The second wave, with its own canary, then its own preparation.
    assertThat(admission.next(T0).start()).containsExactly("b1");
    admission.ended("b1", false);
    assertThat(admission.next(T0).prepare()).containsExactly("b2");
  }

  @Test
  void aMemberBackInServiceFreesItsClustersBudgetBeforeItEnds() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 1, "d1", "d2")),
                List.of(wave("all", Duration.ZERO, "d1", "d2", "s1"))),
            1);

    assertThat(admission.next(T0).start()).containsExactly("d1", "s1");
    admission.backInService("d1");
    admission.backInService("s1"); // standalone: counts until it ends
    assertThat(admission.next(T0).start()).containsExactly("d2");
    admission.ended("d1", false);
    admission.ended("d2", false);
    admission.ended("s1", false);
    assertThat(admission.finished()).isTrue();
  }

  @Test
  void aMemberThatFailsAfterBackInServiceStillDegradesItsCluster() {
    Admission admission =
        admission(
            rollout(
                List.of(cluster("db", 1, "d1", "d2", "d3")),
                List.of(wave("all", Duration.ZERO, "d1", "d2", "d3"))),
            1);

    assertThat(admission.next(T0).start()).containsExactly("d1");
    admission.backInService("d1");
    assertThat(admission.next(T0).start()).containsExactly("d2");
    admission.ended("d1", true); // its verify failed
    admission.ended("d2", false);
    assertThat(admission.next(T0).start()).isEmpty();
    assertThat(admission.notStarted()).containsOnlyKeys("d3");
  }
}
