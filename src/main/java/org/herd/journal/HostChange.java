package org.herd.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * One package that a run changed on a host, for the host's history: which run, when it was
 * recorded, who started the run, and the versions before and after (empty: not installed).
 */
public record HostChange(
    RunId run,
    Instant recordedAt,
    String startedBy,
    String packageName,
    Optional<String> before,
    Optional<String> after) {}
