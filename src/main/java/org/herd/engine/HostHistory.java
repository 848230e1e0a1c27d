package org.herd.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.journal.StepOutcome;
import org.herd.journal.StepRecord;

/**
 * What the journal says one host has done in a run: the latest attempt of each step and the order
 * in which those attempts started. It answers the questions of resuming: which steps are finished
 * (and are never repeated), which one was cut off mid-way (and is re-attached), and which cleanup
 * is owed.
 *
 * <p>A cleanup step is done only when it ran after the step it undoes: a host guarded again after
 * an earlier unguard owes a new unguard.
 */
final class HostHistory {

  private record Latest(StepRecord record, int order) {}

  private final Map<UpgradeStep, Latest> latest = new EnumMap<>(UpgradeStep.class);

  /** The history of {@code host} from all step records of a run, in the journal's start order. */
  static HostHistory of(String host, List<StepRecord> runSteps) {
    HostHistory history = new HostHistory();
    int order = 0;
    for (StepRecord record : runSteps) {
      order++;
      if (record.host().equals(host)) {
        history.latest.put(UpgradeStep.ofJournalName(record.step()), new Latest(record, order));
      }
    }
    return history;
  }

  /** An empty history, for a host that has not started. */
  static HostHistory empty() {
    return new HostHistory();
  }

  /** Whether the step's latest attempt finished well (a cleanup step: after the step it undoes). */
  boolean done(UpgradeStep step) {
    Latest last = latest.get(step);
    if (last == null || !finishedWell(last.record())) {
      return false;
    }
    if (step.cleanup()) {
      Latest counterpart = latest.get(step.owedAfter());
      return counterpart == null || counterpart.order() < last.order();
    }
    return true;
  }

  /**
   * Whether a drain or guard was undone by its cleanup, which ran after it: a host retried after a
   * failure must be drained and guarded again before it installs.
   */
  boolean undoneByCleanup(UpgradeStep step) {
    Latest last = latest.get(step);
    for (UpgradeStep cleanup : List.of(UpgradeStep.UNDRAIN, UpgradeStep.UNGUARD)) {
      Latest later = latest.get(cleanup);
      if (cleanup.owedAfter() == step && last != null && later != null) {
        return later.order() > last.order();
      }
    }
    return false;
  }

  /** The outcome of the step's latest attempt when it ended in failure (failed, timed out). */
  Optional<StepRecord> failed(UpgradeStep step) {
    return Optional.ofNullable(latest.get(step))
        .map(Latest::record)
        .filter(r -> r.outcome().map(StepOutcome::failure).orElse(false));
  }

  /** Whether the step's latest attempt started and never finished (herd stopped during it). */
  boolean cutOff(UpgradeStep step) {
    Latest last = latest.get(step);
    return last != null && !last.record().finished();
  }

  /** The number of the step's latest attempt, 0 when it never started. */
  int attempts(UpgradeStep step) {
    Latest last = latest.get(step);
    return last == null ? 0 : last.record().attempt();
  }

  /** Whether the step was ever started in this run (so that its cleanup is owed). */
  boolean started(UpgradeStep step) {
    return latest.containsKey(step);
  }

  private static boolean finishedWell(StepRecord record) {
    return record
        .outcome()
        .map(o -> o == StepOutcome.OK || o == StepOutcome.CHANGED || o == StepOutcome.SKIPPED)
        .orElse(false);
  }
}
