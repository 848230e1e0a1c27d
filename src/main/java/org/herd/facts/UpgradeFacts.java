package org.herd.facts;

import java.util.List;
import org.herd.debian.AptRelease;
import org.herd.debian.DebianVersion;
import org.herd.debian.InstalledPackage;
import org.herd.debian.PackageName;
import org.herd.debian.SimulatedRemoval;

/**
 * What an upgrade would do now, from {@code apt-get -s dist-upgrade} (never taking the dpkg lock),
 * and the packages that stand apart: held ones and those no source offers.
 *
 * @param pending upgrades (and downgrades) of installed packages
 * @param securityCount how many of {@code pending} come from a security archive
 * @param newPackages packages the upgrade would newly install
 * @param removals packages the upgrade would remove
 * @param keptBack packages apt keeps back (held, or needing removals dist-upgrade won't do)
 * @param held {@code apt-mark showhold}
 * @param local installed versions no configured source offers ({@code apt list} "local")
 * @param errors apt's {@code E:} lines: when not empty, the lists above are not trustworthy
 */
public record UpgradeFacts(
    List<PendingUpgrade> pending,
    int securityCount,
    List<PendingUpgrade> newPackages,
    List<SimulatedRemoval> removals,
    List<String> keptBack,
    List<PackageName> held,
    List<InstalledPackage> local,
    List<String> errors) {

  /** Copies the lists. */
  public UpgradeFacts {
    pending = List.copyOf(pending);
    newPackages = List.copyOf(newPackages);
    removals = List.copyOf(removals);
    keptBack = List.copyOf(keptBack);
    held = List.copyOf(held);
    local = List.copyOf(local);
    errors = List.copyOf(errors);
  }

  /**
   * One package apt would install.
   *
   * @param pkg the package
   * @param installed the installed version, null for a new package
   * @param candidate the version apt would install
   * @param security whether the candidate comes from a security archive
   * @param releases where the candidate is available from
   */
  public record PendingUpgrade(
      PackageName pkg,
      DebianVersion installed,
      DebianVersion candidate,
      boolean security,
      List<AptRelease> releases) {

    /** Copies the list. */
    public PendingUpgrade {
      releases = List.copyOf(releases);
    }
  }
}
