package org.herd.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt of one step on one host. A step is attempted again after {@code herd resume --retry}
 * or after herd died during it; attempts count from 1. An attempt without an outcome is running, or
 * was running when herd stopped.
 *
 * @param output the tail of the step's output (at most {@link Journal#OUTPUT_EXCERPT_LIMIT}
 *     characters), empty while running
 */
public record StepRecord(
    RunId run,
    String host,
    String step,
    int attempt,
    Instant startedAt,
    Optional<Instant> finishedAt,
    Optional<StepOutcome> outcome,
    String output) {

  /** Whether this attempt has an outcome. */
  public boolean finished() {
    return outcome.isPresent();
  }
}
