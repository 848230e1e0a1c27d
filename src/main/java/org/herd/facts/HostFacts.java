package org.herd.facts;

import java.util.List;
import org.herd.debian.ConffileLeftover;
import org.herd.debian.InstalledPackage;
import org.herd.debian.OsRelease;

/**
 * Everything one probe learned about a host's upgrade state, typed, and serialisable to JSON as is
 * (it is what {@code herd status --json} prints and what the journal stores). docs/status.md
 * describes every field and where it comes from.
 *
 * <p>A fact the probe could not establish is null or empty, and {@link #limitations} says why (not
 * root, a tool missing, a section timed out); {@link #warnings} lists output the parsers did not
 * understand, prefixed by its section.
 *
 * @param probe who ran the probe, how, and whether it finished
 * @param os {@code /etc/os-release}
 * @param system architecture, running kernel, boot id, uptime
 * @param kernel the running kernel against the newest installed one
 * @param upgrades what {@code apt-get -s dist-upgrade} would do, held and local packages
 * @param reboot whether the host needs a reboot, and why
 * @param restarts services and processes running outdated code
 * @param dpkg dpkg's health: audit problems and who holds the dpkg/apt locks
 * @param conffileLeftovers {@code .dpkg-dist}, {@code .ucf-old}... files under {@code /etc}
 * @param policy policy-rc.d, service policies, apt pins, unattended-upgrades
 * @param packages installed versions of the packages the probe was asked about
 * @param packagesNotInstalled the asked-about packages that are not installed
 * @param limitations facts that are missing or partial, and why
 * @param warnings output the parsers did not understand
 */
public record HostFacts(
    ProbeInfo probe,
    OsRelease os,
    SystemFacts system,
    KernelFacts kernel,
    UpgradeFacts upgrades,
    RebootFacts reboot,
    RestartFacts restarts,
    DpkgHealth dpkg,
    List<ConffileLeftover> conffileLeftovers,
    PolicyFacts policy,
    List<InstalledPackage> packages,
    List<String> packagesNotInstalled,
    List<String> limitations,
    List<String> warnings) {

  /** Copies the lists. */
  public HostFacts {
    conffileLeftovers = List.copyOf(conffileLeftovers);
    packages = List.copyOf(packages);
    packagesNotInstalled = List.copyOf(packagesNotInstalled);
    limitations = List.copyOf(limitations);
    warnings = List.copyOf(warnings);
  }
}
