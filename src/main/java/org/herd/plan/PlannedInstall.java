package org.herd.plan;

import java.util.List;
import java.util.Objects;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.debian.SystemdUnit;

/**
 * One package a host plan installs at an exact version.
 *
 * @param pkg the package (architecture-qualified for a foreign architecture, as apt prints it)
 * @param installed the version installed when the plan was made, or null for a new package
 * @param version the version to install
 * @param action whether it is an upgrade, a downgrade or a new package
 * @param classification security or regular, from the releases the candidate comes from
 * @param releases where apt said the candidate comes from ({@code
 *     Debian-Security:12/bookworm-security})
 * @param serviceUnits the systemd service units the <em>installed</em> package ships (dpkg's file
 *     list), sorted; empty for a new package, and empty when {@link HostPlan#servicesKnown} is
 *     false. These are the services dpkg's maintainer scripts may restart; they are not the
 *     services that merely load the package's files (a library's users)
 */
public record PlannedInstall(
    PackageName pkg,
    DebianVersion installed,
    DebianVersion version,
    Action action,
    Classification classification,
    List<String> releases,
    List<String> serviceUnits) {

  /** Copies the lists; the unit list is sorted. */
  public PlannedInstall {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(classification, "classification");
    releases = List.copyOf(releases);
    for (String unit : serviceUnits) {
      if (!SystemdUnit.isName(unit)) {
        throw new IllegalArgumentException("not a systemd unit name: '" + unit + "'");
      }
    }
    serviceUnits = serviceUnits.stream().distinct().sorted().toList();
  }

  /** What installing the package changes. */
  public enum Action {
    /** A newer version of an installed package. */
    UPGRADE,
    /** An older version of an installed package (apt pins can ask for it). */
    DOWNGRADE,
    /** A package that is not installed yet: a new dependency. */
    NEW
  }

  /** Whether the update is a security update. */
  public enum Classification {
    /**
     * The candidate comes from a security archive (label {@code Debian-Security} or a {@code
     * *-security} suite).
     */
    SECURITY,
    /** Any other update. */
    REGULAR
  }

  /** {@code package=version}, as apt-get install takes it. */
  public String pin() {
    return pkg + "=" + version;
  }
}
