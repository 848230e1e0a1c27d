package org.herd.facts;

import java.util.List;
import org.herd.debian.DebianVersion;
import org.herd.debian.KernelStatus;

/**
 * The running kernel against the installed kernel packages.
 *
 * @param running the running release
 * @param runningVersion the running build's package version, or null when unknown
 * @param newest the newest installed release of the same flavour, or null
 * @param newestVersion its package version, or null
 * @param verdict the comparison's outcome
 * @param installed the installed {@code linux-image-*} releases, as found under {@code /boot}
 */
public record KernelFacts(
    String running,
    DebianVersion runningVersion,
    String newest,
    DebianVersion newestVersion,
    KernelStatus.Verdict verdict,
    List<String> installed) {

  /** Copies the list. */
  public KernelFacts {
    installed = List.copyOf(installed);
  }
}
