package org.herd.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded request of an operator about a run.
 *
 * @param by who asked: a {@code herd serve} token's name, or {@code user@host} for the CLI
 * @param handledAt when the herd executing the run took it (pause requests), empty until then
 */
public record RunActionRecord(
    RunId run, RunAction action, String by, Instant requestedAt, Optional<Instant> handledAt) {}
