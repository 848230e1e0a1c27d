package org.herd.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * A host's facts as the probe gathered them at one moment, stored as JSON text (the {@code facts}
 * package owns the format; the journal only keeps it). {@code collectedAt} is kept to the
 * millisecond.
 */
public record StoredFacts(String host, Instant collectedAt, String json) {

  public StoredFacts {
    Names.requireHost(host);
    Objects.requireNonNull(collectedAt, "collectedAt");
    Objects.requireNonNull(json, "json");
  }
}
