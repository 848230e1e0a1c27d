package org.herd.ops;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.herd.engine.GuardLeaseEvent;
import org.herd.engine.RunControl;
import org.herd.engine.RunLease;
import org.herd.fleet.FanOutSettings;
import org.herd.journal.Journal;
import org.herd.journal.RunAction;
import org.herd.journal.RunId;
import org.herd.journal.RunState;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;

/**
 * What an operator may ask of runs from outside the herd that executes them ({@code herd serve}'s
 * actions, {@code herd pause}): abort, pause, resume, and start a reviewed plan. Every request is
 * journaled with who asked. A run this process starts, resumes or cleans up executes here, in the
 * background, journaled like any run; a pause reaches the herd executing the run through the
 * journal, whichever process that is.
 */
public final class RunActions implements AutoCloseable {

  /** What came of a request. */
  public sealed interface Outcome {
    /** The request was recorded; the run goes on elsewhere (or was over). */
    record Recorded(String run, String note) implements Outcome {}

    /** This process executes the run now, in the background. */
    record Executing(String run) implements Outcome {}
  }

  private final Workspace workspace;
  private final Journal journal;
  private final Runs runs;
  private final Consumer<String> notices;

  /** How long {@link #close} waits for the runs executed here to pause. */
  static final java.time.Duration PAUSE_GRACE = java.time.Duration.ofSeconds(30);

  private final java.util.Map<String, RunControl> executing =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final ExecutorService executions =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "herd-run");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Actions on {@code journal}'s runs, over {@code workspace}; {@code notices} hears what the runs
   * executed here tell the operator (lease lost, after-run restarts).
   */
  public RunActions(Workspace workspace, Journal journal, Consumer<String> notices) {
    this.workspace = workspace;
    this.journal = journal;
    this.runs = new Runs(workspace, journal);
    this.notices = notices;
  }

  /**
   * Asks the herd executing a run to pause it (after its running steps).
   *
   * @throws InvalidRequest when there is no such run, or it is not running
   */
  public Outcome pause(String id, String by) {
    RecordedRun run = runs.find(id);
    if (run.summary().state() != RunState.RUNNING) {
      throw new InvalidRequest(
          "run "
              + id
              + ": "
              + run.summary().state().name().toLowerCase(java.util.Locale.ROOT)
              + ", not running");
    }
    journal.recordAction(run.summary().id(), RunAction.PAUSE, by);
    return new Outcome.Recorded(id, "asked the herd executing it to pause");
  }

  /**
   * Aborts a run: marks it aborted for the herd executing it, or runs the owed cleanup here.
   *
   * @throws InvalidRequest when there is no such run
   */
  public Outcome abort(String id, String by) {
    RecordedRun run = runs.find(id);
    RunId runId = run.summary().id();
    Abort abort = runs.abort(run, settings(RunOptions.NONE, run.plan()), notices);
    journal.recordAction(runId, RunAction.ABORT, by);
    if (abort instanceof Abort.Cleanup cleanup) {
      return execute(cleanup.run());
    }
    if (abort instanceof Abort.Signalled signalled) {
      return new Outcome.Recorded(id, "asked " + signalled.holder() + " to abort");
    }
    return new Outcome.Recorded(
        id,
        "already over ("
            + ((Abort.AlreadyOver) abort).state().name().toLowerCase(java.util.Locale.ROOT)
            + ")");
  }

  /**
   * Resumes a paused, failed or crashed run here, with the options it was started with (as {@code
   * herd resume RUN} without options).
   *
   * @throws InvalidRequest when there is no such run or it is over
   * @throws RunLease.HostsHeldException when another herd executes it
   */
  public Outcome resume(String id, String by) throws RunLease.HostsHeldException {
    RecordedRun run = runs.find(id);
    RunOptions asStarted = RunOptions.journaledIn(run.spec().command());
    return execute(runs.resume(run, settings(asStarted, run.plan()), notices, by));
  }

  /**
   * Starts a reviewed plan ({@code herd plan -o}'s file) as a new run executed here, going as
   * {@code herd apply} with {@code options} would; they are journaled with it, for resumes.
   *
   * @throws InvalidRequest when the text is no plan, an option is wrong, or the plan does not fit
   *     the inventory
   * @throws RunLease.HostsHeldException when another run holds one of its hosts
   */
  public Outcome start(String planJson, String by, RunOptions options)
      throws RunLease.HostsHeldException {
    Plan plan;
    try {
      plan = PlanJson.read(planJson);
    } catch (RuntimeException e) {
      throw new InvalidRequest("not a plan: " + e.getMessage());
    }
    try {
      options.check();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(e.getMessage());
    }
    StartedRun started =
        runs.start(
            plan,
            planJson,
            "herd serve: apply" + options.journaled() + " (" + by + ")",
            settings(options, plan),
            Optional.of(by));
    journal.recordAction(started.id(), RunAction.START, by);
    return execute(started);
  }

  private Outcome execute(StartedRun started) {
    RunControl control = new RunControl();
    executing.put(started.id().value(), control);
    executions.submit(
        () -> {
          try (started) {
            runs.execute(started, new Quiet(notices), control);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            notices.accept("run " + started.id() + ": " + e.getMessage());
          } finally {
            executing.remove(started.id().value());
          }
          return null;
        });
    return new Outcome.Executing(started.id().value());
  }

  /** How a run of {@code plan} goes here with {@code options}, as under {@code herd apply}. */
  private static RunSettings settings(RunOptions options, Plan plan) {
    return options.settings(
        plan.options().reboot(), Set.of(), Set.of(), FanOutSettings.DEFAULT_FANOUT);
  }

  /**
   * Pauses the runs executing here, as Ctrl-C pauses {@code herd apply}, and waits up to {@link
   * #PAUSE_GRACE} for their running steps to end; a run still in a step then is left to {@code herd
   * resume} (a detached install is re-attached), as after a crash.
   */
  @Override
  public void close() {
    executing.values().forEach(RunControl::pause);
    executions.shutdown();
    try {
      executions.awaitTermination(
          PAUSE_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A run executed here is followed through the journal; only notices are told. */
  private record Quiet(Consumer<String> notices) implements RunObserver {
    @Override
    public void notice(String line) {
      notices.accept(line);
    }

    @Override
    public void guardLease(GuardLeaseEvent event, String consequence) {
      notices.accept(event + (consequence.isEmpty() ? "" : "; " + consequence));
    }
  }
}
