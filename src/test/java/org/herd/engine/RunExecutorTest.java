package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.herd.engine.ScriptedActions.Call;
import org.herd.engine.StepActions.Attempt;
import org.herd.journal.Journal;
import org.herd.journal.JournalLocation;
import org.herd.journal.RunId;
import org.herd.journal.RunSpec;
import org.herd.journal.RunState;
import org.herd.journal.StepOutcome;
import org.herd.journal.StepRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecutorTest {

  private static final List<String> HOSTS = List.of("n1", "n2", "n3");

  @TempDir Path dir;
  private Journal journal;
  private RunId run;

  @BeforeEach
  void open() {
    journal =
        Journal.open(JournalLocation.parse(dir.resolve("j.db").toString()), Clock.systemUTC());
    run = journal.createRun(new RunSpec("herd apply plan.json", HOSTS, "{}", "test@here"));
  }

  @AfterEach
  void close() {
    journal.close();
  }

  private RunOutcome execute(ScriptedActions actions, ExecutionOptions options) {
    return execute(actions, options, new RunControl());
  }

  private RunOutcome execute(
      ScriptedActions actions, ExecutionOptions options, RunControl control) {
    return new RunExecutor(journal, actions, RunListener.NONE)
        .execute(run, HOSTS, options, control);
  }

  private RunOutcome executeRollout(
      StepActions actions, ExecutionOptions options, Rollout rollout, ClusterPolicy policy) {
    return new RunExecutor(journal, actions, RunListener.NONE, policy, Clock.systemUTC())
        .execute(run, HOSTS, options, rollout, new RunControl());
  }

  /** n1, n2, n3 in one cluster with a budget of {@code allowed}; gates given up at once. */
  private static Rollout cluster(int allowed) {
    return new Rollout(
        List.of(new Rollout.ClusterRule("db", HOSTS, allowed)),
        List.of(new Rollout.Stage("all", HOSTS, java.time.Duration.ZERO)),
        Serial.ALL,
        Canary.NONE,
        java.time.Duration.ofMillis(1),
        java.time.Duration.ZERO);
  }

  /** n1, n2, n3 in one cluster of budget 1 whose members install ahead of their turn. */
  private static Rollout aheadCluster() {
    return new Rollout(
        List.of(new Rollout.ClusterRule("db", HOSTS, 1, true)),
        List.of(new Rollout.Stage("all", HOSTS, java.time.Duration.ZERO)),
        Serial.ALL,
        Canary.NONE,
        java.time.Duration.ofMillis(1),
        java.time.Duration.ZERO);
  }

  /**
   * Counts hosts between their drain and their undrain, as the cluster would see them out: nothing
   * before the drain disrupts a host (precheck, the guard, an install ahead with services held),
   * and an undrained host serves again while it finishes (unguard, verify).
   */
  private static final class OutCounter implements StepActions {
    private final StepActions inner;
    private final java.util.Set<String> out = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();

    OutCounter(StepActions inner) {
      this.inner = inner;
    }

    @Override
    public StepResult run(String host, UpgradeStep step, Attempt attempt, int number) {
      if (step == UpgradeStep.DRAIN) {
        out.add(host);
        most.accumulateAndGet(out.size(), Math::max);
      }
      try {
        return inner.run(host, step, attempt, number);
      } finally {
        if (step == UpgradeStep.UNDRAIN) {
          out.remove(host);
        }
      }
    }
  }

  /** Every step but preinstall: what a host that does not install ahead runs. */
  private static UpgradeStep[] stepsInTurn() {
    return java.util.Arrays.stream(UpgradeStep.values())
        .filter(step -> step != UpgradeStep.PREINSTALL)
        .toArray(UpgradeStep[]::new);
  }

  private static ExecutionOptions serial() {
    return ExecutionOptions.of(1, MaxFail.UNLIMITED);
  }

  private static List<UpgradeStep> stepsOf(List<Call> calls, String host) {
    return calls.stream().filter(c -> c.host().equals(host)).map(Call::step).toList();
  }

  @Test
  void everyHostRunsTheWholeSequenceAndAllDownloadsComeFirst() {
    ScriptedActions actions = new ScriptedActions();
    RunOutcome outcome = execute(actions, ExecutionOptions.of(2, MaxFail.UNLIMITED));

    assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.hosts().values()).allMatch(HostEnd.Succeeded.class::isInstance);
    List<Call> calls = actions.calls();
    for (String host : HOSTS) {
      assertThat(stepsOf(calls, host)).containsExactly(stepsInTurn());
    }
    int lastDownload = 0;
    int firstPrecheck = Integer.MAX_VALUE;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).step() == UpgradeStep.DOWNLOAD) lastDownload = i;
      if (calls.get(i).step() == UpgradeStep.PRECHECK) firstPrecheck = Math.min(firstPrecheck, i);
    }
    assertThat(lastDownload).isLessThan(firstPrecheck);
    assertThat(journal.run(run).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
  }

  @Test
  void aFailedHostStillUndrainsAndUnguardsAndStopsOnlyItself() {
    ScriptedActions actions =
        new ScriptedActions()
            .result("n2", UpgradeStep.INSTALL, new StepResult.Failed("dpkg failed", "E: oops"));
    RunOutcome outcome = execute(actions, serial());

    assertThat(stepsOf(actions.calls(), "n2"))
        .containsExactly(
            UpgradeStep.DOWNLOAD,
            UpgradeStep.PRECHECK,
            UpgradeStep.DRAIN,
            UpgradeStep.GUARD,
            UpgradeStep.INSTALL,
            UpgradeStep.UNDRAIN,
            UpgradeStep.UNGUARD);
    assertThat(outcome.hosts().get("n2"))
        .isEqualTo(new HostEnd.Failed(UpgradeStep.INSTALL, StepOutcome.FAILED, "dpkg failed"));
    assertThat(outcome.hosts().get("n1")).isInstanceOf(HostEnd.Succeeded.class);
    assertThat(outcome.hosts().get("n3")).isInstanceOf(HostEnd.Succeeded.class);
    assertThat(outcome.state()).isEqualTo(RunState.FAILED);
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.FAILED_BIT);
  }

  @Test
  void unreachableIsToldApartFromFailed() {
    ScriptedActions actions =
        new ScriptedActions()
            .result("n1", UpgradeStep.PRECHECK, new StepResult.Unreachable("connection refused"));
    RunOutcome outcome = execute(actions, serial());

    assertThat(outcome.unreachableHosts()).containsExactly("n1");
    assertThat(outcome.failedHosts()).isEmpty();
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.UNREACHABLE_BIT);
  }

  @Test
  void exceedingMaxFailAdmitsNoMoreHosts() {
    ScriptedActions actions =
        new ScriptedActions()
            .result("n1", UpgradeStep.HEALTH, new StepResult.Failed("unit failed", ""));
    RunOutcome outcome = execute(actions, ExecutionOptions.of(1, MaxFail.parse("0")));

    assertThat(outcome.state()).isEqualTo(RunState.ABORTED);
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.FAILED_BIT | RunOutcome.ABORTED_BIT);
    assertThat(outcome.hosts().get("n2")).isEqualTo(new HostEnd.Stopped(UpgradeStep.PRECHECK));
    assertThat(stepsOf(actions.calls(), "n2")).containsExactly(UpgradeStep.DOWNLOAD);
  }

  @Test
  void aFailedDownloadDisruptsNothing() {
    ScriptedActions actions =
        new ScriptedActions()
            .result("n3", UpgradeStep.DOWNLOAD, new StepResult.Failed("404 Not Found", ""));
    RunOutcome outcome = execute(actions, serial());

    assertThat(stepsOf(actions.calls(), "n3")).containsExactly(UpgradeStep.DOWNLOAD);
    assertThat(outcome.hosts().get("n3")).isInstanceOf(HostEnd.Failed.class);
  }

  @Test
  void pauseStopsAfterTheCurrentStepAndResumeGoesOnFromThere() {
    RunControl control = new RunControl();
    ScriptedActions first =
        new ScriptedActions().onCall("n1", UpgradeStep.INSTALL, call -> control.pause());
    RunOutcome paused = execute(first, serial(), control);

    assertThat(paused.state()).isEqualTo(RunState.PAUSED);
    assertThat(paused.exitCode()).isEqualTo(RunOutcome.PAUSED);
    assertThat(paused.hosts().get("n1")).isEqualTo(new HostEnd.Stopped(UpgradeStep.RESTART));
    assertThat(paused.hosts().get("n2")).isEqualTo(new HostEnd.Stopped(UpgradeStep.PRECHECK));

    ScriptedActions second = new ScriptedActions();
    RunOutcome resumed = execute(second, serial());
    assertThat(resumed.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(stepsOf(second.calls(), "n1"))
        .containsExactly(
            UpgradeStep.RESTART,
            UpgradeStep.REBOOT,
            UpgradeStep.HEALTH,
            UpgradeStep.UNDRAIN,
            UpgradeStep.UNGUARD,
            UpgradeStep.VERIFY);
  }

  @Test
  void abortLetsTheCurrentStepFinishThenCleansUp() {
    RunControl control = new RunControl();
    ScriptedActions actions =
        new ScriptedActions().onCall("n1", UpgradeStep.GUARD, call -> control.abort());
    RunOutcome outcome = execute(actions, serial(), control);

    assertThat(outcome.state()).isEqualTo(RunState.ABORTED);
    assertThat(stepsOf(actions.calls(), "n1"))
        .endsWith(UpgradeStep.GUARD, UpgradeStep.UNDRAIN, UpgradeStep.UNGUARD);
    assertThat(outcome.hosts().get("n1")).isEqualTo(new HostEnd.Stopped(UpgradeStep.INSTALL));
  }

  @Test
  void abortingAPausedRunRunsOnlyTheOwedCleanup() {
    RunControl pause = new RunControl();
    execute(
        new ScriptedActions().onCall("n1", UpgradeStep.INSTALL, call -> pause.pause()),
        serial(),
        pause);

    RunControl abort = new RunControl();
    abort.abort();
    ScriptedActions cleanup = new ScriptedActions();
    RunOutcome outcome = execute(cleanup, serial(), abort);

    assertThat(cleanup.calls())
        .extracting(Call::step)
        .containsExactly(UpgradeStep.UNDRAIN, UpgradeStep.UNGUARD);
    assertThat(outcome.state()).isEqualTo(RunState.ABORTED);
    assertThat(outcome.hosts().get("n1")).isEqualTo(new HostEnd.Stopped(UpgradeStep.RESTART));
  }

  @Test
  void skipLeavesAHostOutAndRetryRunsItsFailedStepAgainUnderAFreshGuard() {
    execute(
        new ScriptedActions()
            .result("n2", UpgradeStep.INSTALL, new StepResult.Failed("dpkg failed", "")),
        serial());

    ScriptedActions unchanged = new ScriptedActions();
    RunOutcome again = execute(unchanged, serial());
    assertThat(unchanged.calls()).isEmpty();
    assertThat(again.hosts().get("n2"))
        .isEqualTo(new HostEnd.Failed(UpgradeStep.INSTALL, StepOutcome.FAILED, "dpkg failed"));

    ScriptedActions skipped = new ScriptedActions();
    RunOutcome skip =
        execute(skipped, new ExecutionOptions(1, MaxFail.UNLIMITED, Set.of("n2"), Set.of()));
    assertThat(skipped.calls()).isEmpty();
    assertThat(skip.hosts().get("n2")).isInstanceOf(HostEnd.Skipped.class);

    ScriptedActions retried = new ScriptedActions();
    RunOutcome retry =
        execute(retried, new ExecutionOptions(1, MaxFail.UNLIMITED, Set.of(), Set.of("n2")));
    assertThat(stepsOf(retried.calls(), "n2"))
        .as("drained and guarded again, since its cleanup undid both")
        .containsExactly(
            UpgradeStep.DRAIN,
            UpgradeStep.GUARD,
            UpgradeStep.INSTALL,
            UpgradeStep.RESTART,
            UpgradeStep.REBOOT,
            UpgradeStep.HEALTH,
            UpgradeStep.UNDRAIN,
            UpgradeStep.UNGUARD,
            UpgradeStep.VERIFY);
    assertThat(retry.state()).isEqualTo(RunState.SUCCEEDED);
  }

  /**
   * herd killed at every point of a run, then resumed until done: each step ends finished exactly
   * once per host, a step cut off mid-way is re-attached rather than started again, and the run
   * ends with every host upgraded.
   */
  @Test
  void aRunKilledAtAnyPointResumesWithoutRepeatingOrSkippingASteps() {
    int callsInARun = HOSTS.size() * stepsInTurn().length;
    for (int crashAt = 1; crashAt <= callsInARun; crashAt++) {
      open();
      ScriptedActions crashing = new ScriptedActions().crashAt(crashAt);
      assertThatThrownBy(() -> execute(crashing, serial()))
          .hasRootCauseInstanceOf(ScriptedActions.Crash.class);
      Set<String> cutOff =
          journal.steps(run).stream()
              .filter(r -> !r.finished())
              .map(r -> r.host() + "/" + UpgradeStep.ofJournalName(r.step()))
              .collect(Collectors.toSet());

      ScriptedActions resumed = new ScriptedActions();
      RunOutcome outcome = execute(resumed, serial());

      assertThat(outcome.state()).as("crash at call %d", crashAt).isEqualTo(RunState.SUCCEEDED);
      Map<String, Long> finished =
          journal.steps(run).stream()
              .filter(StepRecord::finished)
              .filter(r -> r.outcome().orElseThrow() != StepOutcome.INTERRUPTED)
              .collect(
                  Collectors.groupingBy(r -> r.host() + "/" + r.step(), Collectors.counting()));
      assertThat(finished).as("crash at call %d", crashAt).hasSize(callsInARun);
      assertThat(finished)
          .as("crash at call %d", crashAt)
          .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1L));
      Set<String> reattached =
          resumed.calls().stream()
              .filter(c -> c.attempt() == Attempt.REATTACH)
              .map(c -> c.host() + "/" + c.step())
              .collect(Collectors.toSet());
      assertThat(reattached).as("crash at call %d", crashAt).isEqualTo(cutOff);
      close();
    }
    open();
  }

  @Test
  void aClusterIsNeverOutBeyondItsBudgetWhateverParallelSays() {
    OutCounter counter = new OutCounter(new ScriptedActions());
    RunOutcome outcome =
        executeRollout(
            counter, ExecutionOptions.of(3, MaxFail.UNLIMITED), cluster(1), ClusterPolicy.NONE);
    assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(counter.most.get()).isEqualTo(1);
  }

  @Test
  void aFailedMemberLeavesTheRestOfItsClusterNotStartedUntilTheOperatorActs() {
    ScriptedActions actions =
        new ScriptedActions()
            .result("n1", UpgradeStep.INSTALL, new StepResult.Failed("dpkg failed", ""));
    RunOutcome outcome = executeRollout(actions, serial(), cluster(1), ClusterPolicy.NONE);

    assertThat(outcome.hosts().get("n2"))
        .isEqualTo(new HostEnd.NotStarted("cluster db degraded by n1"));
    assertThat(outcome.hosts().get("n3"))
        .isEqualTo(new HostEnd.NotStarted("cluster db degraded by n1"));
    assertThat(stepsOf(actions.calls(), "n2")).containsExactly(UpgradeStep.DOWNLOAD);
    assertThat(outcome.state()).isEqualTo(RunState.FAILED);
    assertThat(outcome.exitCode()).isEqualTo(RunOutcome.FAILED_BIT);

    RunOutcome still =
        executeRollout(new ScriptedActions(), serial(), cluster(1), ClusterPolicy.NONE);
    assertThat(still.hosts().get("n3")).isInstanceOf(HostEnd.NotStarted.class);

    ScriptedActions skipped = new ScriptedActions();
    RunOutcome resumed =
        executeRollout(
            skipped,
            new ExecutionOptions(1, MaxFail.UNLIMITED, Set.of("n1"), Set.of()),
            cluster(1),
            ClusterPolicy.NONE);
    assertThat(resumed.hosts().get("n2")).isInstanceOf(HostEnd.Succeeded.class);
    assertThat(resumed.hosts().get("n3")).isInstanceOf(HostEnd.Succeeded.class);
    assertThat(stepsOf(skipped.calls(), "n1")).isEmpty();
  }

  @Test
  void aFailingGateLeavesItsClusterNotStartedWithTheGatesReason() {
    ClusterPolicy failing =
        new ClusterPolicy() {
          @Override
          public List<String> order(String cluster, List<String> members) {
            return List.of("n3", "n2", "n1");
          }

          @Override
          public GateVerdict gate(String cluster) {
            return new GateVerdict.Fail("wsrep_cluster_status non-Primary");
          }

          @Override
          public GateVerdict okToStop(String cluster, String member) {
            return GateVerdict.PASS;
          }

          @Override
          public StepResult finalizeCluster(String cluster) {
            return new StepResult.Skipped("none");
          }
        };
    ScriptedActions actions = new ScriptedActions();
    RunOutcome outcome = executeRollout(actions, serial(), cluster(1), failing);

    assertThat(outcome.notStartedHosts()).containsExactly("n1", "n2", "n3");
    assertThat(((HostEnd.NotStarted) outcome.hosts().get("n3")).reason())
        .isEqualTo("cluster db health gate failing for 0s: wsrep_cluster_status non-Primary");
    assertThat(actions.calls()).extracting(Call::step).containsOnly(UpgradeStep.DOWNLOAD);
  }

  /** The same kill-at-every-call test, for a cluster run with a budget of 2. */
  @Test
  void aClusterRunKilledAtAnyPointResumesWithoutRepeatingOrSkippingASteps() {
    int callsInARun = HOSTS.size() * stepsInTurn().length;
    for (int crashAt = 1; crashAt <= callsInARun; crashAt++) {
      open();
      ScriptedActions crashing = new ScriptedActions().crashAt(crashAt);
      OutCounter counter = new OutCounter(crashing);
      assertThatThrownBy(
              () ->
                  executeRollout(
                      counter,
                      ExecutionOptions.of(3, MaxFail.UNLIMITED),
                      cluster(2),
                      ClusterPolicy.NONE))
          .hasRootCauseInstanceOf(ScriptedActions.Crash.class);
      OutCounter resumed = new OutCounter(new ScriptedActions());
      RunOutcome outcome =
          executeRollout(
              resumed, ExecutionOptions.of(3, MaxFail.UNLIMITED), cluster(2), ClusterPolicy.NONE);

      assertThat(outcome.state()).as("crash at call %d", crashAt).isEqualTo(RunState.SUCCEEDED);
      assertThat(Math.max(counter.most.get(), resumed.most.get()))
          .as("crash at call %d", crashAt)
          .isLessThanOrEqualTo(2);
      Map<String, Long> finished =
          journal.steps(run).stream()
              .filter(StepRecord::finished)
              .filter(r -> r.outcome().orElseThrow() != StepOutcome.INTERRUPTED)
              .collect(
                  Collectors.groupingBy(r -> r.host() + "/" + r.step(), Collectors.counting()));
      assertThat(finished).as("crash at call %d", crashAt).hasSize(callsInARun);
      assertThat(finished)
          .as("crash at call %d", crashAt)
          .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1L));
      close();
    }
    open();
  }

  @Test
  void membersInstallingAheadInstallBeforeAnyTurnAndTakeTurnsOneAtATime() {
    ScriptedActions actions = new ScriptedActions();
    OutCounter counter = new OutCounter(actions);
    RunOutcome outcome =
        executeRollout(
            counter, ExecutionOptions.of(3, MaxFail.UNLIMITED), aheadCluster(), ClusterPolicy.NONE);

    assertThat(outcome.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(counter.most.get()).isEqualTo(1);
    // Each member installs before its own turn (the others' installs go on meanwhile).
    List<Call> calls = actions.calls();
    for (String host : HOSTS) {
      assertThat(stepsOf(calls, host))
          .containsExactly(
              UpgradeStep.DOWNLOAD,
              UpgradeStep.PRECHECK,
              UpgradeStep.GUARD,
              UpgradeStep.PREINSTALL,
              UpgradeStep.DRAIN,
              UpgradeStep.INSTALL,
              UpgradeStep.RESTART,
              UpgradeStep.REBOOT,
              UpgradeStep.HEALTH,
              UpgradeStep.UNDRAIN,
              UpgradeStep.UNGUARD,
              UpgradeStep.VERIFY);
    }
  }

  @Test
  void aFailedInstallAheadTakesNoMemberOutAndUnguardsEveryone() {
    // n1 is first in order: no turn can start before its preinstall ended, and it fails.
    ScriptedActions actions =
        new ScriptedActions()
            .result("n1", UpgradeStep.PREINSTALL, new StepResult.Failed("dpkg failed", ""));
    RunOutcome outcome =
        executeRollout(
            actions, ExecutionOptions.of(3, MaxFail.UNLIMITED), aheadCluster(), ClusterPolicy.NONE);

    assertThat(outcome.hosts().get("n1")).isInstanceOf(HostEnd.Failed.class);
    assertThat(outcome.hosts().get("n2"))
        .isEqualTo(new HostEnd.NotStarted("cluster db degraded by n1"));
    assertThat(outcome.hosts().get("n3"))
        .isEqualTo(new HostEnd.NotStarted("cluster db degraded by n1"));
    for (String host : HOSTS) {
      assertThat(stepsOf(actions.calls(), host))
          .doesNotContain(UpgradeStep.DRAIN, UpgradeStep.RESTART)
          .endsWith(UpgradeStep.UNGUARD);
    }
  }

  /** The kill-at-every-call test for a cluster whose members install ahead of their turn. */
  @Test
  void anAheadClusterRunKilledAtAnyPointResumesWithoutRepeatingOrSkippingASteps() {
    int callsInARun = HOSTS.size() * UpgradeStep.values().length;
    for (int crashAt = 1; crashAt <= callsInARun; crashAt++) {
      open();
      ScriptedActions crashing = new ScriptedActions().crashAt(crashAt);
      OutCounter counter = new OutCounter(crashing);
      assertThatThrownBy(
              () ->
                  executeRollout(
                      counter,
                      ExecutionOptions.of(3, MaxFail.UNLIMITED),
                      aheadCluster(),
                      ClusterPolicy.NONE))
          .hasRootCauseInstanceOf(ScriptedActions.Crash.class);
      OutCounter resumed = new OutCounter(new ScriptedActions());
      RunOutcome outcome =
          executeRollout(
              resumed,
              ExecutionOptions.of(3, MaxFail.UNLIMITED),
              aheadCluster(),
              ClusterPolicy.NONE);

      assertThat(outcome.state()).as("crash at call %d", crashAt).isEqualTo(RunState.SUCCEEDED);
      assertThat(Math.max(counter.most.get(), resumed.most.get()))
          .as("crash at call %d", crashAt)
          .isLessThanOrEqualTo(1);
      Map<String, Long> finished =
          journal.steps(run).stream()
              .filter(StepRecord::finished)
              .filter(r -> r.outcome().orElseThrow() != StepOutcome.INTERRUPTED)
              .collect(
                  Collectors.groupingBy(r -> r.host() + "/" + r.step(), Collectors.counting()));
      assertThat(finished).as("crash at call %d", crashAt).hasSize(callsInARun);
      assertThat(finished)
          .as("crash at call %d", crashAt)
          .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1L));
      close();
    }
    open();
  }

  @Test
  void aResumedRunKeepsTheLeasesOfTheGuardsTheCrashedOneLeft() {
    // killed during n1's install: n1 is guarded, the others not yet
    int guardOfN1 = 3 + 3; // three downloads, then n1's precheck, drain, guard
    ScriptedActions crashing = new ScriptedActions().crashAt(guardOfN1 + 1);
    assertThatThrownBy(() -> execute(crashing, serial()))
        .hasRootCauseInstanceOf(ScriptedActions.Crash.class);

    ScriptedActions resumed = new ScriptedActions();
    execute(resumed, serial());

    assertThat(resumed.guardsInPlace).containsExactly("n1");
  }
}
