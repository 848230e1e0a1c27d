package org.herd.plan;

import java.util.Objects;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;

/**
 * A package {@code apt-get dist-upgrade} would install that the plan leaves out, and why.
 *
 * @param pkg the package
 * @param version the version apt would install
 * @param reason which option left it out
 */
public record LeftOut(PackageName pkg, DebianVersion version, Reason reason) {

  /** Requires every field. */
  public LeftOut {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(reason, "reason");
  }

  /** Which option left a package out (the first that applies, in this order). */
  public enum Reason {
    /** Named by {@code --exclude}. */
    EXCLUDED,
    /** Not named by {@code --only}. */
    NOT_SELECTED,
    /** {@code --security-only}, and the candidate is not from a security archive. */
    NOT_SECURITY
  }
}
