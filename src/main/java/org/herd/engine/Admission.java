package org.herd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which hosts of a run may start their upgrade now: the scheduler. Pure and event-driven —
 * it is told when hosts end ({@link #ended}) and asked what may start ({@link #next}); it never
 * runs anything, never sleeps and reads no clock, so the {@link RunExecutor} and the simulator use
 * it unchanged. Not thread-safe: one caller at a time.
 *
 * <p>The rules (docs/scheduling.md):
 *
 * <pre>
 *   wave 1 ──────────────► soak ─► fleet gate ─► wave 2 ─► …
 *     cluster A: a1 → a2 → a3     (order; at most A's budget out; A's gate and ok-to-stop pass)
 *     cluster B: b1,b2 → b3,b4    (in parallel with A)
 *     standalone: [batch 1] → [batch 2]   (serial; at most --parallel at once)
 * </pre>
 *
 * A host in several clusters needs all of them to allow it. A host that fails keeps its clusters'
 * budget consumed and degrades them: nothing more of them is taken out. A wave with a failed host
 * ends the rollout there. Hosts that will not start are reported with the reason ({@link
 * #notStarted()}).
 *
 * <p>Installing ahead: a host whose every cluster installs ahead ({@link
 * Rollout.ClusterRule#installsAhead()}) is told to prepare ({@link Decision#prepare()}: its
 * non-disruptive steps, packages installed with its services held) as soon as its wave is the
 * current one and no canary runs, all such hosts of the wave at once; it is not out of service
 * while it prepares, and it is started (its turn: drain, restart, health, undrain) only once its
 * preparation ended ({@link #prepared}), in its cluster's order. Canaries prepare in their turn.
 *
 * <p>Incremental: a decision looks only at the clusters that changed since the previous one ({@link
 * ChangedClusters}), so its cost follows what happened, not the size of the fleet. Its parts:
 * {@link ClusterProgress} (one cluster), {@link ChangedClusters}, {@link CanaryProgress}, {@link
 * StandaloneBatches}; this class keeps the rules that tie them together (what one host may do
 * depends on all of its clusters, the wave and the canaries), which is why it stays one file.
 */
public final class Admission {

  /**
   * What may happen now.
   *
   * @param start the hosts to start now, already counted as out of service
   * @param prepare the hosts to prepare now (install ahead of their turn); tell {@link #prepared}
   *     when each ends
   * @param wakeAt when to ask again even if no host ends before (a soak or a gate retry)
   * @param pause why the run should pause now (the canaries are done and wait for the operator)
   */
  public record Decision(
      List<String> start, List<String> prepare, Optional<Instant> wakeAt, Optional<String> pause) {
    /** Freezes the decision. */
    public Decision {
      start = List.copyOf(start);
      prepare = List.copyOf(prepare);
    }
  }

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
  private final Map<String, List<ClusterProgress>> clustersOf = new HashMap<>();
  private final List<ClusterProgress> clusters = new ArrayList<>();
  private final Map<String, String> reasons = new LinkedHashMap<>();
  private final Map<String, Wait> waitingFor = new LinkedHashMap<>();
  private final int[] unfinished;
  private final boolean[] startedNow;
  private int stage;
  private Phase phase = Phase.RUNNING;
  private Instant soakUntil;
  private Instant gateSince;
  private boolean paused;
  private StandaloneBatches batches;
  private int standaloneOut;
  private final java.util.Set<String> inFlight = new java.util.LinkedHashSet<>();
  private int running;
  private int waitingCount;
  private final ChangedClusters changed;
  private final List<List<ClusterProgress>> clustersIn = new ArrayList<>();
  private boolean looked;
  private final CanaryProgress canaries;
  private final java.util.Set<String> ahead = new java.util.HashSet<>();
  private final java.util.Set<String> preparing = new java.util.HashSet<>();
  private final java.util.Set<String> back = new java.util.HashSet<>();
  private final boolean[] prepareIssued;

  /**
   * An admission for {@code hosts} (the run's hosts still to execute and those already settled, in
   * run order) under {@code rollout}.
   *
   * @param parallel the most standalone hosts out at once
   */
  public Admission(Rollout rollout, List<String> hosts, ClusterPolicy policy, int parallel) {
    this.rollout = Objects.requireNonNull(rollout, "rollout");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.parallel = parallel;
    for (String host : hosts) {
      status.put(host, Status.WAITING);
    }
    waitingCount = status.size();
    unfinished = new int[rollout.waves().size()];
    startedNow = new boolean[rollout.waves().size()];
    prepareIssued = new boolean[rollout.waves().size()];
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
    for (int i = 0; i < rollout.waves().size(); i++) {
      clustersIn.add(new ArrayList<>());
    }
    for (Rollout.ClusterRule rule : rollout.clusters()) {
      ClusterProgress cluster = new ClusterProgress(rule, clusters.size());
      clusters.add(cluster);
      java.util.BitSet stages = new java.util.BitSet();
      for (String member : rule.members()) {
        if (status.containsKey(member)) {
          clustersOf.computeIfAbsent(member, m -> new ArrayList<>()).add(cluster);
          stages.set(stageOf.get(member));
        }
      }
      stages.stream().forEach(i -> clustersIn.get(i).add(cluster));
    }
    changed = new ChangedClusters(clusters);
    canaries = new CanaryProgress(rollout.canary());
    ahead.addAll(rollout.installingAhead());
  }

  /**
   * Tells that {@code host} had already ended before this execution (journal): it succeeded or was
   * skipped ({@code failed} false), or failed and is not retried — which degrades its clusters.
   * Call before the first {@link #next}.
   */
  public void settled(String host, boolean failed) {
    end(host, failed ? Status.FAILED : Status.SUCCEEDED);
  }

  /**
   * Tells that {@code host} was cut off while out of service in an earlier execution (herd died
   * after its drain): it is taken out again first, under its clusters' budget but without waiting
   * for a gate its own absence may be failing. Call before the first {@link #next}.
   */
  public void inFlight(String host) {
    if (!status.containsKey(host)) {
      throw new IllegalArgumentException("host " + host + " is not in the run");
    }
    inFlight.add(host);
  }

  /**
   * Tells that a host told to prepare ended its preparation: it may now be started in its turn, or
   * it failed (its clusters are degraded, as for a failed host).
   */
  public void prepared(String host, boolean failed) {
    if (!preparing.remove(host)) {
      throw new IllegalStateException(host + " was not preparing");
    }
    if (!waiting(host)) {
      return; // given up while it prepared
    }
    if (failed) {
      end(host, Status.FAILED);
    } else {
      changed.host(host);
    }
  }

  /**
   * Tells that a started member is back in service (healthy and undrained) before it ends: it no
   * longer counts against its clusters' budgets, so their next members may go out while it finishes
   * its last steps (unguard, verify). Standalone hosts, and canaries, count until they end.
   */
  public void backInService(String host) {
    if (status.get(host) != Status.RUNNING) {
      throw new IllegalStateException(host + " was not started");
    }
    List<ClusterProgress> mine = clustersOf.get(host);
    if (mine == null
        || (rollout.canary().enabled() && mine.stream().anyMatch(c -> !c.canaryDone))) {
      return; // a canary counts until it ended well: only then may its cluster go on
    }
    if (back.add(host)) {
      for (ClusterProgress cluster : mine) {
        cluster.out--;
      }
      changed.host(host);
    }
  }

  /** Tells that a started host ended: succeeded, or failed (its clusters are degraded). */
  public void ended(String host, boolean failed) {
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
    // A member back in service no longer counts as out.
    boolean out = was == Status.RUNNING && !back.remove(host);
    for (ClusterProgress cluster : clustersOf.getOrDefault(host, List.of())) {
      if (end == Status.FAILED) {
        if (cluster.degradedBy == null) {
          cluster.degradedBy = host;
        }
        if (!out) {
          cluster.out++;
        }
        giveUp(cluster, cluster.blockedReason());
      } else {
        if (out) {
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
  public boolean finished() {
    return running == 0 && (paused || waitingCount == 0);
  }

  /** Hosts that will not start in this execution, with the reason, in run order. */
  public Map<String, String> notStarted() {
    return java.util.Collections.unmodifiableMap(reasons);
  }

  /** Why each waiting host waits, as of the last {@link #next}; for progress displays. */
  public Map<String, String> waiting() {
    Map<String, String> why = new LinkedHashMap<>();
    waitingFor.forEach((host, wait) -> why.put(host, wait.toString()));
    for (ClusterProgress cluster : clusters) {
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
  public Decision next(Instant now) {
    List<String> start = new ArrayList<>();
    List<String> prepare = new ArrayList<>();
    Optional<Instant> wake = Optional.empty();
    Optional<String> pause = Optional.empty();
    looked = false;
    while (!paused && stage < unfinished.length) {
      Rollout.Stage wave = rollout.waves().get(stage);
      if (phase == Phase.RUNNING) {
        Outcome outcome = admitIn(now, start, prepare);
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
        changed.all();
      }
    }
    if (!looked) {
      // Nothing was looked at (a soak, a gate between waves, a pause): no host waits on a cluster
      // now, and every cluster is looked at again when admission resumes.
      waitingFor.clear();
      changed.all();
    }
    return new Decision(start, prepare, wake, pause);
  }

  private record Outcome(Optional<Instant> wake, String pause) {}

  /** Admits what the current wave allows; gives up hosts nothing could ever start. */
  private Outcome admitIn(Instant now, List<String> start, List<String> prepare) {
    Rollout.Stage wave = rollout.waves().get(stage);
    boolean canaryPhase =
        canaries.phase(clusters, c -> c.next(policy, this::waiting, this::inStage) != null);
    if (canaries.switched(canaryPhase)) {
      changed.all();
    }
    Optional<String> canaryPause = canaries.over(canaryPhase, now);
    if (canaryPause.isPresent()) {
      return new Outcome(Optional.empty(), canaryPause.get());
    }
    Optional<Instant> canarySoak = canaries.soaking(now);
    if (canarySoak.isPresent()) {
      return new Outcome(canarySoak, null);
    }
    if (!canaryPhase && !prepareIssued[stage]) {
      prepareIssued[stage] = true;
      for (String host : wave.hosts()) {
        if (ahead.contains(host) && waiting(host) && !inFlight.contains(host)) {
          preparing.add(host);
          prepare.add(host);
        }
      }
    }
    for (String host : inFlight) {
      if (waiting(host) && inStage(host)) {
        admit(host, start);
        if (!clustersOf.containsKey(host)) {
          standaloneOut++;
        }
      }
    }
    changed.release(now);
    List<ClusterProgress> toLook = changed.take();
    looked = true;
    for (ClusterProgress cluster : toLook) {
      for (String member : cluster.rule.members()) {
        waitingFor.remove(member);
      }
    }
    Map<ClusterProgress, GateVerdict> gates = new HashMap<>();
    boolean gateWait = false;
    for (ClusterProgress cluster : toLook) {
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
          canaries.ran();
        }
      }
    }
    // A held cluster waits on a failing gate as much as one asked just now.
    Optional<Instant> wake =
        gateWait || changed.anyHeld()
            ? Optional.of(now.plus(rollout.gateRetry()))
            : Optional.empty();
    if (canaryPhase) {
      return new Outcome(wake, null);
    }
    admitStandalone(wave, start);
    if (start.isEmpty() && wake.isEmpty() && running == 0 && preparing.isEmpty()) {
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

  private enum Verdict {
    YES,
    WAIT,
    GATE
  }

  /** Whether {@code member} may go out now under every cluster it is in. */
  private Verdict admissible(String member, Instant now, Map<ClusterProgress, GateVerdict> gates) {
    List<ClusterProgress> mine = clustersOf.get(member);
    if (preparing.contains(member)) {
      waitingFor.put(
          member, new Wait(mine.get(0).name(), "member " + member + " installing ahead", null));
      return Verdict.WAIT;
    }
    for (ClusterProgress cluster : mine) {
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
    for (ClusterProgress cluster : mine) {
      GateVerdict gate = gates.computeIfAbsent(cluster, c -> policy.gate(c.name()));
      if (!gate.passed()) {
        return failing(cluster, member, now, "health gate", gate, cluster == mine.get(0));
      }
    }
    for (ClusterProgress cluster : mine) {
      GateVerdict ok = policy.okToStop(cluster.name(), member);
      if (!ok.passed()) {
        return failing(cluster, member, now, "ok-to-stop of " + member, ok, false);
      }
    }
    for (ClusterProgress cluster : mine) {
      cluster.failingSince = null;
    }
    return Verdict.YES;
  }

  /**
   * Notes a failing gate or ok-to-stop check; gives the cluster up at the deadline.
   *
   * @param first whether the check was the first one asked for the member: only then does the
   *     answer staying the same mean that asking again would end the same way (an earlier check
   *     that passed now might fail later, with another reason and its own deadline)
   */
  private Verdict failing(
      ClusterProgress cluster,
      String member,
      Instant now,
      String what,
      GateVerdict verdict,
      boolean first) {
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
    // Asked again at the next decision, as the answer may change by then; or, when the policy
    // knows it stays the same for a while, when that while is over (or the deadline comes).
    Optional<Instant> same = ((GateVerdict.Fail) verdict).sameUntil();
    if (first && same.isPresent()) {
      Instant deadline = cluster.failingSince.plus(rollout.gateDeadline());
      changed.hold(cluster.index, same.get().isBefore(deadline) ? same.get() : deadline);
    } else {
      changed.cluster(cluster.index);
    }
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
    for (ClusterProgress cluster : clustersOf.getOrDefault(host, List.of())) {
      cluster.out++;
    }
    start.add(host);
  }

  /** Marks every waiting member of {@code cluster} as not started for {@code reason}. */
  private void giveUp(ClusterProgress cluster, String reason) {
    if (cluster.givenUp == null && cluster.degradedBy == null) {
      cluster.givenUp = reason;
    }
    changed.cluster(cluster.index);
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
    for (ClusterProgress cluster : clustersIn.get(stage)) {
      GateVerdict gate = policy.gate(cluster.name());
      if (gate instanceof GateVerdict.Fail fail) {
        return "cluster " + cluster.name() + ": " + fail.reason();
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
    if (was != next) {
      changed.host(host);
    }
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
}
