package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * An {@code Inst} line of {@code apt-get -s}: a package that the simulated run would install or
 * upgrade (or downgrade), with the releases its candidate comes from.
 *
 * @param pkg the package (architecture-qualified only for foreign architectures, as apt prints it)
 * @param installed the installed version, or null for a NEW package
 * @param candidate the version apt would install
 * @param releases where the candidate is available from, in apt's order
 * @param architecture the candidate's architecture ({@code amd64}, {@code all}), or null
 */
public record SimulatedInstall(
    PackageName pkg,
    DebianVersion installed,
    DebianVersion candidate,
    List<AptRelease> releases,
    String architecture) {

  /** Copies the release list. */
  public SimulatedInstall {
    releases = List.copyOf(releases);
  }

  /** A package that is not installed yet. */
  @JsonIgnore
  public boolean isNew() {
    return installed == null;
  }

  /** The candidate comes from a security archive (see {@link AptRelease#isSecurity()}). */
  @JsonIgnore
  public boolean isSecurity() {
    return releases.stream().anyMatch(AptRelease::isSecurity);
  }

  /** The candidate is older than the installed version. */
  @JsonIgnore
  public boolean isDowngrade() {
    return installed != null && candidate.compareTo(installed) < 0;
  }
}
