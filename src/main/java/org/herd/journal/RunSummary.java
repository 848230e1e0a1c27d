package org.herd.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of {@code herd runs}: a run's identity, state and times, and how many of its hosts ended
 * their latest attempt of some step failed ({@link StepOutcome#failure()}) or unreachable.
 */
public record RunSummary(
    RunId id,
    String command,
    String startedBy,
    RunState state,
    Instant startedAt,
    Optional<Instant> finishedAt,
    int hosts,
    int failedHosts,
    int unreachableHosts) {}
