package org.herd.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.journal.StepOutcome;
import org.herd.journal.StepRecord;

/**
 * Where one host of a run is, from the journal's step records alone (so it holds for a run that any
 * herd, on any machine sharing the journal, executes): waiting (nothing past the fleet-wide
 * download), running (an attempt without an outcome), succeeded (its last step, {@code verify},
 * finished well) or failed (the latest attempt of a step failed, timed out or found the host
 * unreachable, and nothing runs).
 */
public enum HostProgress {
  WAITING,
  RUNNING,
  SUCCEEDED,
  FAILED;

  /** The step whose good end means the host is done. */
  static final String LAST_STEP = "verify";

  /** The fleet-wide step that every host does before any host's own steps. */
  static final String FLEET_STEP = "download";

  /** Whether the host is done with the run, well or not. */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED;
  }

  /** The progress of a host from its own step records, in start order. */
  public static HostProgress of(List<StepRecord> hostSteps) {
    Map<String, StepRecord> latest = new HashMap<>();
    boolean running = false;
    boolean ownStep = false;
    for (StepRecord record : hostSteps) {
      latest.merge(record.step(), record, (a, b) -> b.attempt() > a.attempt() ? b : a);
      running |= !record.finished();
      ownStep |= !record.step().equals(FLEET_STEP);
    }
    if (running) {
      return RUNNING;
    }
    StepRecord last = latest.get(LAST_STEP);
    if (last != null && last.outcome().map(o -> !bad(o)).orElse(false)) {
      return SUCCEEDED;
    }
    if (latest.values().stream().anyMatch(r -> r.outcome().map(HostProgress::bad).orElse(false))) {
      return FAILED;
    }
    return ownStep ? RUNNING : WAITING;
  }

  /** The latest attempt that ended badly, for a failed host. */
  static Optional<StepRecord> failure(List<StepRecord> hostSteps) {
    StepRecord found = null;
    for (StepRecord record : hostSteps) {
      if (record.outcome().map(HostProgress::bad).orElse(false)) {
        found = record;
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean bad(StepOutcome outcome) {
    return outcome.failure() || outcome == StepOutcome.UNREACHABLE;
  }
}
