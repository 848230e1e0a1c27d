package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.herd.journal.Journal;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.journal.StepRecord;

/**
 * Executes a run: the fleet-wide download, then each host's step sequence ({@link UpgradeStep}),
 * journaling every step before and after it runs, so that a run cut off at any point — herd killed,
 * Ctrl-C, a lost host — is resumed by executing it again: finished steps are never repeated, a step
 * cut off mid-way is re-attached ({@link StepActions.Attempt#REATTACH}), owed cleanup always runs.
 *
 * <p>Admission: all downloads first, {@link ExecutionOptions#fanout()} at a time; then the hosts
 * that the {@link Admission} lets prepare (members of clusters that install ahead: precheck, guard
 * and preinstall, services held, while the old processes keep serving) and those it lets start
 * under the run's {@link Rollout} (cluster budgets, health gates and member order through a {@link
 * ClusterPolicy}, waves with their soak, {@code serial} batches of at most {@link
 * ExecutionOptions#parallel()} standalone hosts, canaries). A failed host stops only itself (and
 * degrades its clusters); when the failures exceed {@link ExecutionOptions#maxFail()} (checked as
 * each host finishes) no further host is admitted and running hosts stop after their current step,
 * then clean up. Pause and abort come through {@link RunControl}. Soak times and gate retries are
 * waited for on the injected clock's time.
 */
public final class RunExecutor {

  private static final List<UpgradeStep> MAIN =
      List.of(
          UpgradeStep.PRECHECK,
          UpgradeStep.DRAIN,
          UpgradeStep.GUARD,
          UpgradeStep.INSTALL,
          UpgradeStep.RESTART,
          UpgradeStep.REBOOT,
          UpgradeStep.HEALTH);
  private static final List<UpgradeStep> CLEANUP =
      List.of(UpgradeStep.UNDRAIN, UpgradeStep.UNGUARD);

  /**
   * The steps a host installing ahead runs before its turn: nothing of them takes it out of
   * service, since the guard holds its services while the packages change under them. Its turn's
   * install then installs what is left (the recipe's in-turn packages), or nothing.
   */
  private static final List<UpgradeStep> AHEAD =
      List.of(UpgradeStep.PRECHECK, UpgradeStep.GUARD, UpgradeStep.PREINSTALL);

  /** The steps from precheck to health, in order: what a host runs once admitted. */
  public static List<UpgradeStep> upgradeSteps() {
    return MAIN;
  }

  /** The cleanup steps, in order, each run when owed (see {@link UpgradeStep#owedAfter()}). */
  public static List<UpgradeStep> cleanupSteps() {
    return CLEANUP;
  }

  private final Journal journal;
  private final StepActions actions;
  private final RunListener listener;
  private final ClusterPolicy policy;
  private final Clock clock;

  /** An executor for runs without cluster checks ({@link ClusterPolicy#NONE}). */
  public RunExecutor(Journal journal, StepActions actions, RunListener listener) {
    this(journal, actions, listener, ClusterPolicy.NONE, Clock.systemUTC());
  }

  /**
   * An executor whose cluster gates are answered by {@code policy}, and whose soaks and gate
   * retries are timed by {@code clock}.
   */
  public RunExecutor(
      Journal journal,
      StepActions actions,
      RunListener listener,
      ClusterPolicy policy,
      Clock clock) {
    this.journal = journal;
    this.actions = actions;
    this.listener = listener;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Executes (or resumes) a run over its hosts, in their order, every host standalone (batched by
   * {@link ExecutionOptions#parallel()} only), and journals the run's new state.
   */
  public RunOutcome execute(
      RunId run, List<String> hosts, ExecutionOptions options, RunControl control) {
    return execute(run, hosts, options, Rollout.standalone(hosts, Serial.ALL), control);
  }

  /**
   * Executes (or resumes) a run over its hosts under {@code rollout}'s constraints, and journals
   * the run's new state.
   */
  public RunOutcome execute(
      RunId run,
      List<String> hosts,
      ExecutionOptions options,
      Rollout rollout,
      RunControl control) {
    journal.setState(run, RunState.RUNNING);
    List<StepRecord> records = journal.steps(run);
    FailureTally tally = new FailureTally(hosts.size(), options.maxFail(), listener);
    Map<String, HostEnd> ends = new LinkedHashMap<>();
    Map<String, HostRun> pending = new LinkedHashMap<>();
    for (String host : hosts) {
      HostHistory history = HostHistory.of(host, records);
      if (history.started(UpgradeStep.GUARD) && !history.done(UpgradeStep.UNGUARD)) {
        actions.guardInPlace(host);
      }
      HostRun hostRun = new HostRun(run, host, history, options.retry().contains(host));
      Optional<HostEnd> settled = hostRun.settled(options);
      if (settled.isPresent()) {
        ends.put(host, settled.get());
        tally.count(settled.get());
      } else {
        pending.put(host, hostRun);
      }
    }
    Map<String, HostEnd> later = new LinkedHashMap<>();
    List<HostRun> downloaded =
        runAll(
            pending.values(),
            Math.min(options.fanout(), Math.max(1, pending.size())),
            hostRun -> hostRun.download(control, tally),
            later);
    Admission admission = new Admission(rollout, hosts, policy, options.parallel());
    for (Map<String, HostEnd> settled : List.of(ends, later)) {
      settled.forEach(
          (host, end) -> {
            if (!(end instanceof HostEnd.Stopped)) {
              admission.settled(host, end instanceof HostEnd.Failed);
            }
          });
    }
    for (HostRun hostRun : downloaded) {
      if (hostRun.inFlight()) {
        admission.inFlight(hostRun.host);
      }
    }
    upgradeAdmitted(downloaded, admission, control, tally, later);
    Map<String, HostEnd> inRunOrder = new LinkedHashMap<>();
    for (String host : hosts) {
      inRunOrder.put(host, ends.containsKey(host) ? ends.get(host) : later.get(host));
    }
    RunOutcome outcome = new RunOutcome(finalState(inRunOrder, control, tally), inRunOrder);
    journal.setState(run, outcome.state());
    return outcome;
  }

  /** What the coordinating loop hears of a host's work. */
  private enum Heard {
    /** Its preparation ended: empty when it goes on to its turn, else how the host ended. */
    PREPARED,
    /** It is back in service (healthy and undrained) and finishes its unguard and verify. */
    BACK,
    /** Its turn ended, with how the host ended. */
    ENDED
  }

  /** One thing the coordinating loop hears of a host. */
  private record Ended(HostRun hostRun, Heard heard, Optional<HostEnd> end, Throwable bug) {}

  /**
   * The upgrade phase: asks {@code admission} which hosts may start, starts each on its own thread,
   * and feeds their ends back, until nothing is out and nothing more may start; then tells how the
   * hosts that never started ended.
   */
  private void upgradeAdmitted(
      List<HostRun> downloaded,
      Admission admission,
      RunControl control,
      FailureTally tally,
      Map<String, HostEnd> ends) {
    Map<String, HostRun> byHost = new LinkedHashMap<>();
    downloaded.forEach(h -> byHost.put(h.host, h));
    java.util.concurrent.BlockingQueue<Ended> done =
        new java.util.concurrent.LinkedBlockingQueue<>();
    ExecutorService pool = Executors.newCachedThreadPool(RunExecutor::daemon);
    Set<String> started = new java.util.HashSet<>();
    int out = 0;
    try {
      while (true) {
        boolean admitting = control.requested() == RunControl.Request.NONE && !tally.exceeded();
        Optional<Instant> wake = Optional.empty();
        if (admitting) {
          Admission.Decision decision = admission.next(clock.instant());
          for (String host : decision.prepare()) {
            HostRun hostRun = byHost.get(host);
            out++;
            pool.submit(
                () -> run(hostRun, Heard.PREPARED, () -> hostRun.prepare(control, tally), done));
          }
          for (String host : decision.start()) {
            HostRun hostRun = byHost.get(host);
            started.add(host);
            out++;
            Runnable back = () -> done.add(new Ended(hostRun, Heard.BACK, Optional.empty(), null));
            pool.submit(
                () -> run(hostRun, Heard.ENDED, () -> hostRun.upgrade(control, tally, back), done));
          }
          wake = decision.wakeAt();
          if (decision.pause().isPresent()) {
            listener.paused(decision.pause().get());
            control.pause();
          }
        }
        if (out == 0 && (!admitting || admission.finished() || wake.isEmpty())) {
          break;
        }
        Ended ended = awaitEnd(done, wake);
        if (ended == null) {
          continue;
        }
        if (ended.bug != null) {
          throw new IllegalStateException("a host's steps failed unexpectedly", ended.bug);
        }
        String host = ended.hostRun.host;
        if (ended.heard == Heard.BACK) {
          admission.backInService(host);
          continue;
        }
        out--;
        if (ended.heard == Heard.PREPARED) {
          ended.end.ifPresent(
              end -> {
                started.add(host);
                ends.put(host, end);
              });
          admission.prepared(host, ended.end.filter(HostEnd.Failed.class::isInstance).isPresent());
          continue;
        }
        HostEnd end = ended.end.orElseThrow();
        ends.put(host, end);
        admission.ended(host, end instanceof HostEnd.Failed);
      }
    } finally {
      pool.shutdownNow();
      awaitTermination(pool);
    }
    Map<String, String> reasons = admission.notStarted();
    for (HostRun hostRun : downloaded) {
      if (!started.contains(hostRun.host)) {
        ends.put(hostRun.host, hostRun.notAdmitted(control, tally, reasons.get(hostRun.host)));
      }
    }
  }

  /** Runs a host's work on a pool thread and hands how it ended to the coordinating loop. */
  private static void run(
      HostRun hostRun,
      Heard heard,
      java.util.concurrent.Callable<Optional<HostEnd>> work,
      java.util.concurrent.BlockingQueue<Ended> done) {
    try {
      done.add(new Ended(hostRun, heard, work.call(), null));
    } catch (Throwable e) {
      done.add(new Ended(hostRun, heard, Optional.empty(), e));
    }
  }

  /**
   * The next host end; null when {@code wake} came first, or after a second so that pause and abort
   * requests are seen while a soak is waited for.
   */
  private Ended awaitEnd(java.util.concurrent.BlockingQueue<Ended> done, Optional<Instant> wake) {
    long millis = 1_000;
    if (wake.isPresent()) {
      millis =
          Math.min(millis, Math.max(0, Duration.between(clock.instant(), wake.get()).toMillis()));
    }
    try {
      return done.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      // The hosts' steps must finish and be journaled whatever happens to this thread;
      // pausing goes through RunControl.
      return null;
    }
  }

  private static RunState finalState(
      Map<String, HostEnd> ends, RunControl control, FailureTally tally) {
    boolean stopped = ends.values().stream().anyMatch(HostEnd.Stopped.class::isInstance);
    if (stopped && control.requested() == RunControl.Request.PAUSE && !tally.exceeded()) {
      return RunState.PAUSED;
    }
    if (control.requested() == RunControl.Request.ABORT || tally.exceeded()) {
      return RunState.ABORTED;
    }
    return ends.values().stream()
            .anyMatch(e -> e instanceof HostEnd.Failed || e instanceof HostEnd.NotStarted)
        ? RunState.FAILED
        : RunState.SUCCEEDED;
  }

  /** A phase's work on one host: an end, or empty when the host goes on to the next phase. */
  private interface Phase {
    Optional<HostEnd> run(HostRun hostRun);
  }

  /** Runs a phase on hosts, at most {@code width} at once; returns the hosts that go on. */
  private List<HostRun> runAll(
      java.util.Collection<HostRun> hostRuns, int width, Phase phase, Map<String, HostEnd> ends) {
    ExecutorService pool = Executors.newFixedThreadPool(width, RunExecutor::daemon);
    try {
      Map<HostRun, Future<Optional<HostEnd>>> futures = new LinkedHashMap<>();
      for (HostRun hostRun : hostRuns) {
        futures.put(hostRun, pool.submit(() -> phase.run(hostRun)));
      }
      List<HostRun> goOn = new ArrayList<>();
      for (Map.Entry<HostRun, Future<Optional<HostEnd>>> entry : futures.entrySet()) {
        Optional<HostEnd> end = await(entry.getValue());
        if (end.isPresent()) {
          ends.put(entry.getKey().host, end.get());
        } else {
          goOn.add(entry.getKey());
        }
      }
      return goOn;
    } finally {
      pool.shutdownNow();
      awaitTermination(pool);
    }
  }

  /** No host thread outlives its phase, even when a phase ends by an error. */
  private static void awaitTermination(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<HostEnd> await(Future<Optional<HostEnd>> future) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          // The hosts' steps must finish and be journaled whatever happens to this thread;
          // pausing goes through RunControl.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a host's steps failed unexpectedly", e.getCause());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "herd-host");
    thread.setDaemon(true);
    return thread;
  }

  /** One host's part of the run: its history and the steps it runs in this execution. */
  private final class HostRun {
    private final RunId run;
    private final String host;
    private final HostHistory history;
    private final Set<UpgradeStep> startedNow = EnumSet.noneOf(UpgradeStep.class);
    private final Set<UpgradeStep> succeededNow = EnumSet.noneOf(UpgradeStep.class);
    private final boolean retrying;

    HostRun(RunId run, String host, HostHistory history, boolean retrying) {
      this.run = run;
      this.host = host;
      this.history = history;
      this.retrying = retrying;
    }

    /** The host's end when nothing is left to run: succeeded, or failed and not retried. */
    Optional<HostEnd> settled(ExecutionOptions options) {
      if (history.done(UpgradeStep.VERIFY)) {
        return Optional.of(new HostEnd.Succeeded());
      }
      if (options.skip().contains(host)) {
        cleanup();
        return Optional.of(new HostEnd.Skipped());
      }
      if (retrying) {
        return Optional.empty();
      }
      for (UpgradeStep step : UpgradeStep.values()) {
        Optional<StepRecord> failed = history.failed(step);
        if (failed.isPresent()) {
          cleanup();
          StepRecord record = failed.get();
          return Optional.of(
              new HostEnd.Failed(step, record.outcome().orElseThrow(), lastLine(record.output())));
        }
      }
      return Optional.empty();
    }

    Optional<HostEnd> download(RunControl control, FailureTally tally) {
      if (control.requested() != RunControl.Request.NONE || tally.exceeded()) {
        if (control.requested() == RunControl.Request.ABORT || tally.exceeded()) {
          cleanup();
        }
        UpgradeStep next = history.done(UpgradeStep.DOWNLOAD) ? nextStep() : UpgradeStep.DOWNLOAD;
        return Optional.of(finish(new HostEnd.Stopped(next), tally));
      }
      StepResult result = perform(UpgradeStep.DOWNLOAD);
      if (result.succeeded()) {
        return Optional.empty();
      }
      return Optional.of(finish(failure(UpgradeStep.DOWNLOAD, result), tally));
    }

    /** Whether an earlier execution left this host out of service (drained, not yet undrained). */
    boolean inFlight() {
      return history.started(UpgradeStep.DRAIN) && !history.done(UpgradeStep.UNDRAIN);
    }

    /**
     * The end of a host the admission never started: not started for {@code reason}, or stopped by
     * a pause or an abort; owed cleanup runs unless the run pauses.
     */
    HostEnd notAdmitted(RunControl control, FailureTally tally, String reason) {
      boolean pausing = control.requested() == RunControl.Request.PAUSE && !tally.exceeded();
      if (!pausing) {
        cleanup();
      }
      HostEnd end =
          reason != null && !pausing
              ? new HostEnd.NotStarted(reason)
              : new HostEnd.Stopped(nextStep());
      listener.hostFinished(host, end);
      return end;
    }

    /**
     * The host's steps ahead of its turn ({@link #AHEAD}); empty when it may go on to its turn,
     * else how it ended (owed cleanup done, unless the run pauses).
     */
    Optional<HostEnd> prepare(RunControl control, FailureTally tally) {
      return steps(AHEAD, control, tally, null);
    }

    /**
     * The host's turn and the rest of its steps: always ends the host; {@code back} is told when it
     * is back in service (healthy and undrained) before its unguard and verify.
     */
    Optional<HostEnd> upgrade(RunControl control, FailureTally tally, Runnable back) {
      return steps(MAIN, control, tally, back);
    }

    /**
     * Runs {@code steps} (those not done yet); on the host's last part (with {@code back}, told
     * when the host is undrained after a success) ends it with its cleanup and verify, else ends it
     * only when a step failed or the run stopped.
     */
    private Optional<HostEnd> steps(
        List<UpgradeStep> steps, RunControl control, FailureTally tally, Runnable back) {
      HostEnd end = null;
      for (UpgradeStep step : steps) {
        RunControl.Request request = control.requested();
        if (request == RunControl.Request.PAUSE && !tally.exceeded()) {
          return Optional.of(finish(new HostEnd.Stopped(nextStep()), tally));
        }
        if (request == RunControl.Request.ABORT || tally.exceeded()) {
          end = new HostEnd.Stopped(nextStep());
          break;
        }
        StepResult result = perform(step);
        if (!result.succeeded()) {
          end = failure(step, result);
          break;
        }
      }
      if (end == null && back == null) {
        return Optional.empty();
      }
      HostEnd cleanupFailure = cleanup(end == null ? back : null);
      if (end == null && cleanupFailure != null) {
        end = cleanupFailure;
      }
      if (end == null) {
        StepResult verified = perform(UpgradeStep.VERIFY);
        end =
            verified.succeeded() ? new HostEnd.Succeeded() : failure(UpgradeStep.VERIFY, verified);
      }
      return Optional.of(finish(end, tally));
    }

    private HostEnd finish(HostEnd end, FailureTally tally) {
      listener.hostFinished(host, end);
      tally.count(end);
      return end;
    }

    /** Runs the owed cleanup steps; the first failure among them, or null. */
    private HostEnd cleanup() {
      return cleanup(null);
    }

    /**
     * Runs the owed cleanup steps, telling {@code back} (when not null) once the host is undrained;
     * the first failure among them, or null.
     */
    private HostEnd cleanup(Runnable back) {
      HostEnd failure = null;
      for (UpgradeStep step : CLEANUP) {
        boolean owed = history.started(step.owedAfter()) || startedNow.contains(step.owedAfter());
        boolean done = !startedNow.contains(step.owedAfter()) && history.done(step);
        if (owed && !done) {
          StepResult result = perform(step);
          if (!result.succeeded() && failure == null) {
            failure = failure(step, result);
          }
        }
        if (step == UpgradeStep.UNDRAIN && failure == null && back != null) {
          back.run();
        }
      }
      return failure;
    }

    private boolean done(UpgradeStep step) {
      return succeededNow.contains(step)
          || (history.done(step) && !(retrying && history.undoneByCleanup(step)));
    }

    private UpgradeStep nextStep() {
      for (UpgradeStep step : MAIN) {
        if (!startedNow.contains(step) && !done(step)) {
          return step;
        }
      }
      return UpgradeStep.VERIFY;
    }

    private StepResult perform(UpgradeStep step) {
      if (!step.cleanup() && done(step)) {
        return new StepResult.Done(false, "");
      }
      boolean undoesNewWork = step.cleanup() && startedNow.contains(step.owedAfter());
      StepActions.Attempt attempt =
          history.cutOff(step) && !undoesNewWork
              ? StepActions.Attempt.REATTACH
              : StepActions.Attempt.FRESH;
      if (attempt == StepActions.Attempt.FRESH) {
        journal.stepStarted(run, host, step.journalName());
      }
      startedNow.add(step);
      listener.stepStarted(host, step, attempt);
      StepResult result;
      try {
        int number = history.attempts(step) + (attempt == StepActions.Attempt.FRESH ? 1 : 0);
        result = actions.run(host, step, attempt, number);
      } catch (RuntimeException e) {
        // A bug in a step must not skip the host's cleanup or leave the step open in the journal.
        result = new StepResult.Failed("herd bug in step " + step.journalName() + ": " + e, "");
      }
      // The reason goes last into the journal, so that a resumed run can still tell it.
      String journaled =
          result.reason().isEmpty()
              ? result.output()
              : result.output()
                  + (result.output().isEmpty() ? "" : "\n")
                  + "herd: "
                  + result.reason();
      journal.stepFinished(run, host, step.journalName(), result.outcome(), journaled);
      if (result.succeeded()) {
        succeededNow.add(step);
      }
      listener.stepFinished(host, step, result);
      return result;
    }
  }

  private static HostEnd.Failed failure(UpgradeStep step, StepResult result) {
    return new HostEnd.Failed(step, result.outcome(), result.reason());
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    String last = lines[lines.length - 1];
    return last.startsWith("herd: ") ? last.substring("herd: ".length()) : last;
  }

  /** Failed hosts so far against the failure policy. */
  private static final class FailureTally {
    private final int total;
    private final MaxFail policy;
    private final RunListener listener;
    private int failed;
    private boolean exceeded;

    FailureTally(int total, MaxFail policy, RunListener listener) {
      this.total = total;
      this.policy = policy;
      this.listener = listener;
    }

    synchronized void count(HostEnd end) {
      if (end instanceof HostEnd.Failed) {
        failed++;
        if (!exceeded && policy.exceededBy(failed, total)) {
          exceeded = true;
          listener.abortedByPolicy(failed, total, policy);
        }
      }
    }

    synchronized boolean exceeded() {
      return exceeded;
    }
  }
}
