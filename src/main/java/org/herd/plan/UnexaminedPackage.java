package org.herd.plan;

import java.util.Objects;
import org.herd.debian.PackageName;

/**
 * A package of a host plan whose conffiles herd could not compare (its candidate .deb could not be
 * downloaded or read): what the upgrade does to them is unknown.
 *
 * @param pkg the package
 * @param reason why, in a few words from the host
 */
public record UnexaminedPackage(PackageName pkg, String reason) {

  /** Requires both. */
  public UnexaminedPackage {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(reason, "reason");
  }
}
