package org.herd.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herd.inventory.Cluster;
import org.herd.inventory.Inventory;
import org.herd.journal.Journal;
import org.herd.journal.RunActionRecord;
import org.herd.journal.RunId;
import org.herd.journal.RunSummary;
import org.herd.journal.StepRecord;

/**
 * One run in detail (the live run page and its API): each host's steps for a timeline, its current
 * step and where it is, a failed host's failing step with the tail of its output, each cluster of
 * the run with how many of its members are out of service now against its budget, and what
 * operators asked of the run.
 */
public final class RunView {

  /** The steps during which a member is out of service, until its undrain (or its end). */
  private static final Set<String> DISRUPTING =
      Set.of("drain", "install", "restart", "reboot", "health");

  /** The most of a failing step's output that a run's detail shows. */
  static final int FAILURE_TAIL = 4096;

  /**
   * One attempt of one step.
   *
   * @param seconds how long it took, or has taken so far
   */
  public record Step(
      String step, int attempt, String started, String finished, String outcome, double seconds) {}

  /** The step that failed a host, and the tail of its output (dpkg's, for an install). */
  public record Failure(String step, String outcome, String outputTail) {}

  /** One host of the run. */
  public record Host(
      String host,
      HostProgress state,
      String currentStep,
      String ended,
      Failure failure,
      List<Step> steps) {}

  /**
   * One cluster the run touches.
   *
   * @param outOfService members out of service now (the budget in use)
   * @param budget how many may be out at once
   */
  public record ClusterUse(
      String cluster, List<String> members, List<String> outOfService, int budget) {}

  /**
   * An operator's request.
   *
   * @param handled when the herd executing the run took it (a pause), or null
   */
  public record Action(String action, String by, String at, String handled) {}

  /** The run. */
  public record Detail(
      RunSummary run,
      RunList.Progress progress,
      List<Host> hosts,
      List<ClusterUse> clusters,
      List<Action> actions) {}

  private final Workspace workspace;
  private final Journal journal;

  public RunView(Workspace workspace, Journal journal) {
    this.workspace = workspace;
    this.journal = journal;
  }

  /** The run named {@code id}, or empty when there is none. */
  public Optional<Detail> of(String id) {
    RunId run;
    try {
      run = RunId.of(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    Optional<RunSummary> summary = journal.run(run);
    if (summary.isEmpty()) {
      return Optional.empty();
    }
    List<String> runHosts = journal.spec(run).orElseThrow().hosts();
    Map<String, List<StepRecord>> byHost = RunList.byHost(journal.steps(run));
    long now = workspace.clock().millis();
    List<Host> hosts = new ArrayList<>();
    for (String host : runHosts) {
      hosts.add(host(host, byHost.getOrDefault(host, List.of()), now));
    }
    List<Action> actions = new ArrayList<>();
    for (RunActionRecord a : journal.actions(run)) {
      actions.add(
          new Action(
              a.action().name(),
              a.by(),
              a.requestedAt().toString(),
              a.handledAt().map(Object::toString).orElse(null)));
    }
    return Optional.of(
        new Detail(
            summary.get(),
            RunList.progress(runHosts.size(), byHost),
            hosts,
            clusters(runHosts, byHost),
            actions));
  }

  private static Host host(String host, List<StepRecord> steps, long now) {
    HostProgress state = HostProgress.of(steps);
    List<Step> timeline = new ArrayList<>();
    String current = null;
    for (StepRecord r : steps) {
      long end = r.finishedAt().map(java.time.Instant::toEpochMilli).orElse(now);
      timeline.add(
          new Step(
              r.step(),
              r.attempt(),
              r.startedAt().toString(),
              r.finishedAt().map(Object::toString).orElse(null),
              r.outcome().map(Enum::name).orElse(null),
              Math.max(0, end - r.startedAt().toEpochMilli()) / 1000.0));
      if (!r.finished()) {
        current = r.step();
      }
    }
    String ended =
        state.finished() && !steps.isEmpty()
            ? steps.get(steps.size() - 1).finishedAt().map(Object::toString).orElse(null)
            : null;
    Failure failure =
        state == HostProgress.FAILED
            ? HostProgress.failure(steps)
                .map(f -> new Failure(f.step(), f.outcome().orElseThrow().name(), tail(f.output())))
                .orElse(null)
            : null;
    return new Host(host, state, current, ended, failure, timeline);
  }

  static String tail(String output) {
    return output.length() <= FAILURE_TAIL
        ? output
        : output.substring(output.length() - FAILURE_TAIL);
  }

  private List<ClusterUse> clusters(List<String> runHosts, Map<String, List<StepRecord>> byHost) {
    Optional<Inventory> inventory = workspace.inventory();
    if (inventory.isEmpty()) {
      return List.of();
    }
    var budgets = RecipeBudgets.of(workspace.recipes());
    Set<String> inRun = new java.util.HashSet<>(runHosts);
    List<ClusterUse> uses = new ArrayList<>();
    for (Cluster cluster : inventory.get().clusters()) {
      List<String> members = cluster.members().expand();
      if (members.stream().noneMatch(inRun::contains)) {
        continue;
      }
      List<String> out = new ArrayList<>();
      for (String member : members) {
        if (outOfService(byHost.getOrDefault(member, List.of()))) {
          out.add(member);
        }
      }
      uses.add(
          new ClusterUse(
              cluster.name(), members, out, cluster.allowed(budgets.apply(cluster.recipe()))));
    }
    return uses;
  }

  /** Whether a disrupting step started after the member's last undrain, and it is not done. */
  static boolean outOfService(List<StepRecord> steps) {
    if (HostProgress.of(steps).finished()) {
      return false;
    }
    long disrupted = -1;
    long undrained = -1;
    for (StepRecord r : steps) {
      if (DISRUPTING.contains(r.step())) {
        disrupted = Math.max(disrupted, r.startedAt().toEpochMilli());
      } else if (r.step().equals("undrain") && r.finished()) {
        undrained = Math.max(undrained, r.finishedAt().orElseThrow().toEpochMilli());
      }
    }
    return disrupted >= 0 && disrupted >= undrained;
  }

  /** How long a step took, for the metrics' histograms. */
  static Optional<Duration> duration(StepRecord record) {
    return record.finishedAt().map(end -> Duration.between(record.startedAt(), end));
  }
}
