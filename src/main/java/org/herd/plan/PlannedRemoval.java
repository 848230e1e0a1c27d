package org.herd.plan;

import java.util.Objects;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;

/**
 * A package the upgrade removes. A host plan with removals is executable only when the plan was
 * made with {@code --allow-removals}.
 *
 * @param pkg the package
 * @param installed its installed version, or null when apt did not print it
 * @param purge whether its configuration files are purged too
 */
public record PlannedRemoval(PackageName pkg, DebianVersion installed, boolean purge) {

  /** Requires the package. */
  public PlannedRemoval {
    Objects.requireNonNull(pkg, "pkg");
  }
}
