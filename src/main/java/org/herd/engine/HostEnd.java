package org.herd.engine;

import java.util.Objects;
import org.herd.journal.StepOutcome;

/** Where one host stands at the end of an execution of a run. */
public sealed interface HostEnd {

  /** Every step done: the host is at the planned versions. */
  record Succeeded() implements HostEnd {}

  /**
   * The host stopped at {@code step}; its cleanup ran. {@code outcome} tells failed, timed out or
   * unreachable apart.
   */
  record Failed(UpgradeStep step, StepOutcome outcome, String reason) implements HostEnd {
    public Failed {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(reason, "reason");
    }

    /** Whether herd could not reach the host, as opposed to the host failing the step. */
    public boolean unreachable() {
      return outcome == StepOutcome.UNREACHABLE;
    }
  }

  /** Left out on the operator's word ({@code herd resume --skip HOST}); owed cleanup ran. */
  record Skipped() implements HostEnd {}

  /**
   * Not finished because the run was paused or aborted; {@code next} is the step a resume would run
   * next.
   */
  record Stopped(UpgradeStep next) implements HostEnd {
    public Stopped {
      Objects.requireNonNull(next, "next");
    }
  }

  /**
   * Never started in this execution because the run's constraints did not allow it; {@code reason}
   * says which ("cluster db degraded by db2", "wave production not reached: …"). A resume tries the
   * host again.
   */
  record NotStarted(String reason) implements HostEnd {
    public NotStarted {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
