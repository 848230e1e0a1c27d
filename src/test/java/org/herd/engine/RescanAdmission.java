package org.herd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The test oracle for {@link Admission}: the scheduler as it was before it became incremental, kept
 * verbatim in test code only. It re-examines every cluster at every decision, which is obviously
 * right and O(clusters) per event; {@code AdmissionOracleProperties} checks that the incremental
 * {@link Admission} decides exactly what this one decides.
 */
final class RescanAdmission {

  private enum Status {
    WAITING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    NOT_STARTED
  }

  private enum Phase {
    RUNNING,
    SOAKING,
    GATING
  }

  private final Rollout rollout;
  private final ClusterPolicy policy;
  private final int parallel;
  private final Map<String, Status> status = new LinkedHashMap<>();
  private final Map<String, Integer> stageOf = new HashMap<>();
  private final Map<String, List<Progress>> clustersOf = new HashMap<>();
  private final List<Progress> clusters = new ArrayList<>();
  private final Map<String, String> reasons = new LinkedHashMap<>();
  private final Map<String, Wait> waitingFor = new LinkedHashMap<>();
  private final int[] unfinished;
  private final boolean[] startedNow;
  private int stage;
  private Phase phase = Phase.RUNNING;
  private Instant soakUntil;
  private Instant gateSince;
  private boolean paused;
  private boolean canaryPauseGiven;
  private Instant canarySoakUntil;
  private StandaloneBatches batches;
  private int standaloneOut;
  private final java.util.Set<String> inFlight = new java.util.LinkedHashSet<>();
  private int running;
  private int waitingCount;

  /**
   * An admission for {@code hosts} (the run's hosts still to execute and those already settled, in
   * run order) under {@code rollout}.
   *
   * @param parallel the most standalone hosts out at once
   */
  RescanAdmission(Rollout rollout, List<String> hosts, ClusterPolicy policy, int parallel) {
    this.rollout = Objects.requireNonNull(rollout, "rollout");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.parallel = parallel;
    for (String host : hosts) {
      status.put(host, Status.WAITING);
    }
    waitingCount = status.size();
    unfinished = new int[rollout.waves().size()];
    startedNow = new boolean[rollout.waves().size()];
    for (int i = 0; i < rollout.waves().size(); i++) {
      for (String host : rollout.waves().get(i).hosts()) {
        if (status.containsKey(host) && !stageOf.containsKey(host)) {
          stageOf.put(host, i);
          unfinished[i]++;
        }
      }
    }
    for (String host : hosts) {
      if (!stageOf.containsKey(host)) {
        throw new IllegalArgumentException("host " + host + " is in no wave of the rollout");
      }
    }
    for (Rollout.ClusterRule rule : rollout.clusters()) {
      Progress cluster = new Progress(rule);
      clusters.add(cluster);
      for (String member : rule.members()) {
        if (status.containsKey(member)) {
          clustersOf.computeIfAbsent(member, m -> new ArrayList<>()).add(cluster);
        }
      }
    }
  }

  /**
   * Tells that {@code host} had already ended before this execution (journal): it succeeded or was
   * skipped ({@code failed} false), or failed and is not retried — which degrades its clusters.
   * Call before the first {@link #next}.
   */
  void settled(String host, boolean failed) {
    end(host, failed ? Status.FAILED : Status.SUCCEEDED);
  }

  /**
   * Tells that {@code host} was cut off while out of service in an earlier execution (herd died
   * after its drain): it is taken out again first, under its clusters' budget but without waiting
   * for a gate its own absence may be failing. Call before the first {@link #next}.
   */
  void inFlight(String host) {
    if (!status.containsKey(host)) {
      throw new IllegalArgumentException("host " + host + " is not in the run");
    }
    inFlight.add(host);
  }

  /** Tells that a started host ended: succeeded, or failed (its clusters are degraded). */
  void ended(String host, boolean failed) {
    if (status.get(host) != Status.RUNNING) {
      throw new IllegalStateException(host + " was not started");
    }
    if (!clustersOf.containsKey(host)) {
      standaloneOut--;
    }
    end(host, failed ? Status.FAILED : Status.SUCCEEDED);
  }

  private void end(String host, Status end) {
    if (!status.containsKey(host)) {
      throw new IllegalArgumentException("host " + host + " is not in the run");
    }
    Status was = set(host, end);
    if (was == Status.WAITING || was == Status.RUNNING) {
      unfinished[stageOf.get(host)]--;
    }
    for (Progress cluster : clustersOf.getOrDefault(host, List.of())) {
      if (end == Status.FAILED) {
        if (cluster.degradedBy == null) {
          cluster.degradedBy = host;
        }
        if (was != Status.RUNNING) {
          cluster.out++;
        }
        giveUp(cluster, cluster.blockedReason());
      } else {
        if (was == Status.RUNNING) {
          cluster.out--;
        }
        cluster.canaryDone = true;
      }
    }
    if (batches != null) {
      batches.ended(host);
    }
  }

  /** Whether every host has ended or will not start (or the run paused and nothing is out). */
  boolean finished() {
    return running == 0 && (paused || waitingCount == 0);
  }

  /** Hosts that will not start in this execution, with the reason, in run order. */
  Map<String, String> notStarted() {
    return java.util.Collections.unmodifiableMap(reasons);
  }

  /** Why each waiting host waits, as of the last {@link #next}; for progress displays. */
  Map<String, String> waiting() {
    Map<String, String> why = new LinkedHashMap<>();
    waitingFor.forEach((host, wait) -> why.put(host, wait.toString()));
    for (Progress cluster : clusters) {
      if (cluster.blockedReason() == null && cluster.out >= cluster.allowed(rollout.canary())) {
        String member = cluster.next(policy, this::waiting, this::inStage);
        if (member != null) {
          why.put(member, new Wait(cluster.name(), "at its budget", null).toString());
        }
      }
    }
    return why;
  }

  /** Why a host waits, told only when asked (the scheduler notes it at every decision). */
  private record Wait(String cluster, String what, String reason) {
    @Override
    public String toString() {
      return "cluster " + cluster + " " + what + (reason == null ? "" : " failing: " + reason);
    }
  }

  /** The hosts that may start at {@code now}; they count as out of service from now on. */
  Admission.Decision next(Instant now) {
    List<String> start = new ArrayList<>();
    Optional<Instant> wake = Optional.empty();
    Optional<String> pause = Optional.empty();
    waitingFor.clear();
    while (!paused && stage < unfinished.length) {
      Rollout.Stage wave = rollout.waves().get(stage);
      if (phase == Phase.RUNNING) {
        Outcome outcome = admitIn(now, start);
        wake = earliest(wake, outcome.wake);
        if (outcome.pause != null) {
          paused = true;
          pause = Optional.of(outcome.pause);
          break;
        }
        if (unfinished[stage] > 0) {
          break;
        }
        List<String> failed = failedIn(stage);
        if (!failed.isEmpty()) {
          notReached(
              "wave " + wave.name() + " has failed hosts (" + String.join(",", failed) + ")");
          break;
        }
        if (stage + 1 == unfinished.length) {
          stage++;
          break;
        }
        phase = Phase.SOAKING;
        soakUntil = startedNow[stage] ? now.plus(wave.soak()) : now;
      }
      if (phase == Phase.SOAKING) {
        if (now.isBefore(soakUntil)) {
          wake = earliest(wake, Optional.of(soakUntil));
          break;
        }
        phase = Phase.GATING;
        gateSince = now;
      }
      if (phase == Phase.GATING) {
        String failing = fleetGate(wave);
        if (failing != null) {
          if (Duration.between(gateSince, now).compareTo(rollout.gateDeadline()) >= 0) {
            notReached("fleet gate after wave " + wave.name() + " failing: " + failing);
            break;
          }
          wake = earliest(wake, Optional.of(now.plus(rollout.gateRetry())));
          break;
        }
        stage++;
        phase = Phase.RUNNING;
        batches = null;
      }
    }
    return new Admission.Decision(start, List.of(), wake, pause);
  }

  private record Outcome(Optional<Instant> wake, String pause) {}

  /** Admits what the current wave allows; gives up hosts nothing could ever start. */
  private Outcome admitIn(Instant now, List<String> start) {
    Rollout.Stage wave = rollout.waves().get(stage);
    boolean canaryPhase = canaryPhase();
    if (!canaryPhase && anyCanaryRanNow()) {
      Outcome after = afterCanaries(now);
      if (after.pause != null) {
        return after;
      }
    }
    if (canarySoakUntil != null && now.isBefore(canarySoakUntil)) {
      return new Outcome(Optional.of(canarySoakUntil), null);
    }
    for (String host : inFlight) {
      if (waiting(host) && inStage(host)) {
        admit(host, start);
        if (!clustersOf.containsKey(host)) {
          standaloneOut++;
        }
      }
    }
    Map<Progress, GateVerdict> gates = new HashMap<>();
    boolean gateWait = false;
    for (Progress cluster : clusters) {
      // A cluster at its budget admits no one: skip it without looking for its next member (with
      // hundreds of clusters, most are at their budget at every decision); waiting() says why.
      while (cluster.blockedReason() == null
          && !(canaryPhase && cluster.canaryDone)
          && cluster.out < cluster.allowed(rollout.canary())) {
        String member = cluster.next(policy, this::waiting, this::inStage);
        if (member == null) {
          break;
        }
        Verdict verdict = admissible(member, now, gates);
        gateWait |= verdict == Verdict.GATE;
        if (verdict != Verdict.YES) {
          break;
        }
        admit(member, start);
        if (canaryPhase) {
          clustersOf.get(member).forEach(c -> c.canaryRanNow = true);
        }
      }
    }
    Optional<Instant> wake =
        gateWait ? Optional.of(now.plus(rollout.gateRetry())) : Optional.empty();
    if (canaryPhase) {
      return new Outcome(wake, null);
    }
    admitStandalone(wave, start);
    if (start.isEmpty() && wake.isEmpty() && running == 0) {
      for (String host : wave.hosts()) {
        if (waiting(host)) {
          Wait wait = waitingFor.get(host);
          giveUpHost(
              host, wait == null ? "blocked by the clusters' member order" : wait.toString());
        }
      }
    }
    return new Outcome(wake, null);
  }

  private Outcome afterCanaries(Instant now) {
    for (Progress cluster : clusters) {
      cluster.canaryRanNow = false;
    }
    if (rollout.canary() instanceof Canary.Pause && !canaryPauseGiven) {
      canaryPauseGiven = true;
      return new Outcome(Optional.empty(), "canaries done; herd resume RUN to go on");
    }
    if (rollout.canary() instanceof Canary.Soak soak) {
      canarySoakUntil = now.plus(soak.soak());
    }
    return new Outcome(Optional.empty(), null);
  }

  /** Whether some cluster of the current wave still has its canary to run, or running. */
  private boolean canaryPhase() {
    if (!rollout.canary().enabled()) {
      return false;
    }
    for (Progress cluster : clusters) {
      if (!cluster.canaryDone
          && cluster.blockedReason() == null
          && (cluster.out > 0 || cluster.next(policy, this::waiting, this::inStage) != null)) {
        return true;
      }
    }
    return false;
  }

  private boolean anyCanaryRanNow() {
    return clusters.stream().anyMatch(c -> c.canaryRanNow);
  }

  private enum Verdict {
    YES,
    WAIT,
    GATE
  }

  /** Whether {@code member} may go out now under every cluster it is in. */
  private Verdict admissible(String member, Instant now, Map<Progress, GateVerdict> gates) {
    List<Progress> mine = clustersOf.get(member);
    for (Progress cluster : mine) {
      if (cluster.blockedReason() != null) {
        return Verdict.WAIT;
      }
      if (cluster.out >= cluster.allowed(rollout.canary())) {
        waitingFor.put(member, new Wait(cluster.name(), "at its budget", null));
        return Verdict.WAIT;
      }
      if (!member.equals(cluster.next(policy, this::waiting, this::inStage))) {
        waitingFor.put(member, new Wait(cluster.name(), "member order", null));
        return Verdict.WAIT;
      }
    }
    for (Progress cluster : mine) {
      GateVerdict gate = gates.computeIfAbsent(cluster, c -> policy.gate(c.name()));
      if (!gate.passed()) {
        return failing(cluster, member, now, "health gate", gate);
      }
    }
    for (Progress cluster : mine) {
      GateVerdict ok = policy.okToStop(cluster.name(), member);
      if (!ok.passed()) {
        return failing(cluster, member, now, "ok-to-stop of " + member, ok);
      }
    }
    for (Progress cluster : mine) {
      cluster.failingSince = null;
    }
    return Verdict.YES;
  }

  private Verdict failing(
      Progress cluster, String member, Instant now, String what, GateVerdict verdict) {
    // "what" is built by the caller only on this path: gates fail rarely.
    String reason = ((GateVerdict.Fail) verdict).reason();
    if (cluster.failing(now, rollout.gateDeadline())) {
      giveUp(
          cluster,
          "cluster "
              + cluster.name()
              + " "
              + what
              + " failing for "
              + org.herd.inventory.SoakTime.format(rollout.gateDeadline())
              + ": "
              + reason);
      return Verdict.WAIT;
    }
    waitingFor.put(member, new Wait(cluster.name(), what, reason));
    return Verdict.GATE;
  }

  private void admitStandalone(Rollout.Stage wave, List<String> start) {
    if (batches == null) {
      List<String> standalone =
          wave.hosts().stream()
              .filter(h -> !clustersOf.containsKey(h) && status.get(h) == Status.WAITING)
              .toList();
      batches = new StandaloneBatches(standalone, rollout.serial().batches(standalone.size()));
    }
    for (String host : batches.pending(this::waiting)) {
      if (standaloneOut >= parallel) {
        break;
      }
      if (waiting(host)) {
        admit(host, start);
        standaloneOut++;
      }
    }
  }

  private void admit(String host, List<String> start) {
    set(host, Status.RUNNING);
    startedNow[stage] = true;
    waitingFor.remove(host);
    for (Progress cluster : clustersOf.getOrDefault(host, List.of())) {
      cluster.out++;
    }
    start.add(host);
  }

  /** Marks every waiting member of {@code cluster} as not started for {@code reason}. */
  private void giveUp(Progress cluster, String reason) {
    if (cluster.givenUp == null && cluster.degradedBy == null) {
      cluster.givenUp = reason;
    }
    for (String member : cluster.rule.members()) {
      if (waiting(member)) {
        giveUpHost(member, reason);
      }
    }
  }

  private void giveUpHost(String host, String reason) {
    set(host, Status.NOT_STARTED);
    unfinished[stageOf.get(host)]--;
    reasons.put(host, reason);
    waitingFor.remove(host);
    if (batches != null) {
      batches.ended(host);
    }
  }

  /** Every host of the later waves will not start, for {@code why}. */
  private void notReached(String why) {
    for (int later = stage + 1; later < unfinished.length; later++) {
      Rollout.Stage wave = rollout.waves().get(later);
      for (String host : wave.hosts()) {
        if (waiting(host)) {
          giveUpHost(host, "wave " + wave.name() + " not reached: " + why);
        }
      }
    }
    stage = unfinished.length;
  }

  /** The first failing gate of the clusters the wave touched, or null when all pass. */
  private String fleetGate(Rollout.Stage wave) {
    for (Progress cluster : clusters) {
      if (cluster.rule.members().stream().anyMatch(m -> stageOf.get(m) == stage)) {
        GateVerdict gate = policy.gate(cluster.name());
        if (gate instanceof GateVerdict.Fail fail) {
          return "cluster " + cluster.name() + ": " + fail.reason();
        }
      }
    }
    return null;
  }

  private List<String> failedIn(int index) {
    return rollout.waves().get(index).hosts().stream()
        .filter(h -> status.get(h) == Status.FAILED)
        .toList();
  }

  /** Sets a host's status, keeping the counts; returns the old one. */
  private Status set(String host, Status next) {
    Status was = status.put(host, next);
    running += (next == Status.RUNNING ? 1 : 0) - (was == Status.RUNNING ? 1 : 0);
    waitingCount += (next == Status.WAITING ? 1 : 0) - (was == Status.WAITING ? 1 : 0);
    return was;
  }

  private boolean waiting(String host) {
    return status.get(host) == Status.WAITING;
  }

  private boolean inStage(String host) {
    Integer index = stageOf.get(host);
    return index != null && index == stage;
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }

  /** The cluster state of the oracle (ClusterProgress as it was). */
  private static final class Progress {

    final Rollout.ClusterRule rule;
    private List<String> order;
    private int cursor;
    int out;
    String degradedBy;
    String givenUp;
    Instant failingSince;
    boolean canaryDone;
    boolean canaryRanNow;

    Progress(Rollout.ClusterRule rule) {
      this.rule = rule;
    }

    String name() {
      return rule.name();
    }

    /**
     * The member order, asked of the policy once; members it leaves out keep their place at the
     * end.
     */
    List<String> order(ClusterPolicy policy) {
      if (order == null) {
        List<String> asked = policy.order(rule.name(), rule.members());
        Set<String> members = new LinkedHashSet<>(rule.members());
        List<String> ordered = new ArrayList<>();
        for (String member : asked) {
          if (members.remove(member)) {
            ordered.add(member);
          }
        }
        ordered.addAll(members);
        order = List.copyOf(ordered);
      }
      return order;
    }

    /**
     * The next member to take out: the first in order that is still waiting and in the current
     * wave; null when none is.
     */
    String next(
        ClusterPolicy policy,
        java.util.function.Predicate<String> waiting,
        java.util.function.Predicate<String> inWave) {
      List<String> members = order(policy);
      while (cursor < members.size() && !waiting.test(members.get(cursor))) {
        cursor++;
      }
      for (int i = cursor; i < members.size(); i++) {
        String member = members.get(i);
        if (inWave.test(member) && waiting.test(member)) {
          return member;
        }
      }
      return null;
    }

    /** How many members may be out now: 1 while the canary has not succeeded. */
    int allowed(Canary canary) {
      return canary.enabled() && !canaryDone ? 1 : rule.allowed();
    }

    /** Whether the cluster is blocked for good in this execution, and why. */
    String blockedReason() {
      if (degradedBy != null) {
        return "cluster " + name() + " degraded by " + degradedBy;
      }
      return givenUp;
    }

    /** Notes a failing gate; true when it has now failed for longer than {@code deadline}. */
    boolean failing(Instant now, Duration deadline) {
      if (failingSince == null) {
        failingSince = now;
      }
      return Duration.between(failingSince, now).compareTo(deadline) >= 0;
    }
  }
}
