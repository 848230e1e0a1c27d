package org.herd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.herd.journal.RunId;
import org.herd.plan.HostPlan;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * The restarts dpkg was denied by the guard, done herd's way ({@link ServiceRestarts}) when the
 * host's restart policy says ({@link RestartRules}): {@code now} ones in the restart step, with the
 * {@code after-run} ones earlier runs left on the host; the others are recorded as pending on the
 * host ({@link PendingRestarts}) and in the step's output, and the {@code after-run} ones are done
 * once every host of the run finished ({@link #restartAfterRun}).
 */
final class RestartSteps {

  /**
   * Ends the guard's spool in the restart step's one read of the spool and the pending restarts.
   */
  private static final String PENDING_MARK = "@@herd-pending@@";

  private final RunId run;
  private final Map<String, RestartRules> restartRules;
  private final ServiceGuard guard;
  private final HostSessions sessions;
  private final ServiceRestarts restarts = new ServiceRestarts(Duration.ofMinutes(5));

  RestartSteps(
      RunId run,
      Map<String, RestartRules> restartRules,
      ServiceGuard guard,
      HostSessions sessions) {
    this.run = run;
    this.restartRules = Map.copyOf(restartRules);
    this.guard = guard;
    this.sessions = sessions;
  }

  StepResult restart(Session session, HostPlan plan)
      throws EngineException, TransportException, InterruptedException {
    // The guard's spool and the pending restarts, in one round trip.
    CommandResult files =
        session.run(
            RemoteCommand.shell(
                "cat "
                    + RemoteCommand.quote(guard.spoolPath())
                    + " 2>/dev/null; echo "
                    + PENDING_MARK
                    + "; cat "
                    + RemoteCommand.quote(PendingRestarts.PATH)
                    + " 2>/dev/null; :"),
            ExecOptions.defaults().withTimeout(Duration.ofMinutes(1)));
    String text = files.stdoutText();
    int mark = text.lastIndexOf(PENDING_MARK + "\n");
    if (mark < 0) {
      throw new EngineException(
          plan.host(), "cannot read the guard's spool: " + files.stderrText().strip());
    }
    List<DeniedRequest> denied = DeniedRequest.parseSpool(text.substring(0, mark)).value();
    List<ServiceRestarts.Restart> todo =
        ServiceRestarts.fromSpool(denied, PlannedNames.serviceUnits(plan));
    List<PendingRestarts.Entry> earlier =
        PendingRestarts.parse(text.substring(mark + PENDING_MARK.length() + 1));
    RestartRules rules = restartRules.getOrDefault(plan.host(), RestartRules.DEFAULT);
    List<ServiceRestarts.Restart> now = new ArrayList<>();
    List<PendingRestarts.Entry> left = new ArrayList<>();
    for (ServiceRestarts.Restart restart : todo) {
      RestartWhen when =
          rules.when(restart.unit(), RestartRules.touchedBySecurity(plan, restart.unit()));
      if (when == RestartWhen.NOW) {
        now.add(restart);
      } else {
        left.add(new PendingRestarts.Entry(restart.unit(), when, run.value()));
      }
    }
    for (PendingRestarts.Entry entry : earlier) {
      boolean known = todo.stream().anyMatch(r -> r.unit().equals(entry.unit()));
      if (entry.when() == RestartWhen.AFTER_RUN && !entry.run().equals(run.value()) && !known) {
        now.add(new ServiceRestarts.Restart(entry.unit(), false));
      }
    }
    if (now.isEmpty() && left.isEmpty()) {
      return new StepResult.Skipped("dpkg asked for no restart of a guarded service");
    }
    List<String> restarted = now.stream().map(ServiceRestarts.Restart::unit).toList();
    List<String> lines = new ArrayList<>();
    String failure = null;
    if (!now.isEmpty()) {
      List<RestartOutcome> outcomes = restarts.perform(session, now, unit -> RestartMode.RESTART);
      lines.addAll(describe(outcomes));
      failure = firstFailure(outcomes);
    }
    List<PendingRestarts.Entry> pending =
        new ArrayList<>(
            PendingRestarts.without(
                earlier,
                Stream.concat(restarted.stream(), left.stream().map(PendingRestarts.Entry::unit))
                    .toList()));
    pending.addAll(left);
    if (!pending.equals(earlier)) {
      PendingRestarts.write(session, pending);
    }
    left.forEach(entry -> lines.add(entry.describe()));
    String output = String.join("\n", lines);
    if (failure != null) {
      return new StepResult.Failed(failure, output);
    }
    return new StepResult.Done(!now.isEmpty(), output);
  }

  /** See {@link AptStepActions#restartAfterRun}. */
  List<String> restartAfterRun(String host) {
    try {
      Session session = sessions.session(host);
      List<PendingRestarts.Entry> pending = PendingRestarts.read(session);
      List<ServiceRestarts.Restart> due =
          pending.stream()
              .filter(e -> e.when() == RestartWhen.AFTER_RUN)
              .map(e -> new ServiceRestarts.Restart(e.unit(), false))
              .toList();
      if (due.isEmpty()) {
        return List.of();
      }
      List<RestartOutcome> outcomes = restarts.perform(session, due, unit -> RestartMode.RESTART);
      PendingRestarts.write(
          session,
          PendingRestarts.without(
              pending, due.stream().map(ServiceRestarts.Restart::unit).toList()));
      return describe(outcomes).stream().map(line -> host + ": " + line).toList();
    } catch (EngineException | TransportException e) {
      sessions.forget(host);
      return List.of(host + ": after-run restarts not done: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(host + ": after-run restarts interrupted");
    }
  }

  private static List<String> describe(List<RestartOutcome> outcomes) {
    List<String> lines = new ArrayList<>();
    for (RestartOutcome outcome : outcomes) {
      if (outcome instanceof RestartOutcome.Failed failed) {
        lines.add(
            failed.unit()
                + ": "
                + failed.command()
                + " failed, "
                + failed.state()
                + ": "
                + failed.message());
      } else if (outcome instanceof RestartOutcome.Restarted restarted) {
        lines.add(restarted.unit() + ": " + restarted.command());
      } else {
        lines.add(outcome.unit() + ": left stopped");
      }
    }
    return lines;
  }

  private static String firstFailure(List<RestartOutcome> outcomes) {
    for (RestartOutcome outcome : outcomes) {
      if (outcome instanceof RestartOutcome.Failed failed) {
        return failed.unit() + " is " + failed.state() + " after " + failed.command();
      }
    }
    return null;
  }
}
