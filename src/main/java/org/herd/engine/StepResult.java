package org.herd.engine;

import java.util.Objects;
import org.herd.journal.StepOutcome;

/**
 * How one step on one host ended, as {@link StepActions} reports it. Unreachable is distinct from
 * failed: herd could not ask the host, so it knows nothing about what the host did.
 */
public sealed interface StepResult {

  /** What the step printed or reported, kept (its tail) in the journal. */
  String output();

  /** The outcome recorded in the journal. */
  StepOutcome outcome();

  /** Whether the host may go on to its next step. */
  default boolean succeeded() {
    return this instanceof Done;
  }

  /** The step did what it had to; {@code changed} when it changed the host. */
  record Done(boolean changed, String output) implements StepResult {
    public Done {
      Objects.requireNonNull(output, "output");
    }

    @Override
    public StepOutcome outcome() {
      return changed ? StepOutcome.CHANGED : StepOutcome.OK;
    }
  }

  /** Nothing to do for this host (no drain hook, nothing to restart). */
  record Skipped(String output) implements StepResult {
    @Override
    public StepOutcome outcome() {
      return StepOutcome.SKIPPED;
    }

    @Override
    public boolean succeeded() {
      return true;
    }
  }

  /** The step ran and failed; {@code reason} is one line for the operator. */
  record Failed(String reason, String output) implements StepResult {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(output, "output");
    }

    @Override
    public StepOutcome outcome() {
      return StepOutcome.FAILED;
    }
  }

  /** The step did not finish within its deadline. */
  record TimedOut(String reason, String output) implements StepResult {
    @Override
    public StepOutcome outcome() {
      return StepOutcome.TIMED_OUT;
    }
  }

  /** herd could not reach the host to run the step. */
  record Unreachable(String reason) implements StepResult {
    @Override
    public String output() {
      return reason;
    }

    @Override
    public StepOutcome outcome() {
      return StepOutcome.UNREACHABLE;
    }
  }

  /**
   * One line for the operator about why the host stopped here, or empty when it did not (the
   * records that stop a host have a {@code reason} component, which overrides this).
   */
  default String reason() {
    return "";
  }
}
