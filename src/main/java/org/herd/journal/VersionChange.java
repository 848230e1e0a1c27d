package org.herd.journal;

import java.util.Optional;

/**
 * One package on one host in a run's audit trail. No version before means the run installed it (a
 * new dependency); no version after means the run removed it; equal versions mean it was recorded
 * but not changed.
 */
public record VersionChange(
    String host, String packageName, Optional<String> before, Optional<String> after) {

  /** Whether the run changed this package on this host. */
  public boolean changed() {
    return !before.equals(after);
  }
}
