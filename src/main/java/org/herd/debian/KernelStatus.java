package org.herd.debian;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the running kernel is the newest one installed, in the spirit of needrestart's kernel
 * check but from package data: the running release ({@code uname -r}) and build ({@code uname -v}
 * carries the Debian package version, e.g. {@code Debian 6.1.76-1}) against the installed {@code
 * linux-image-RELEASE} packages of the same flavour ({@code amd64}, {@code cloud-amd64}, {@code
 * generic}).
 *
 * @param running the running kernel release ({@code uname -r})
 * @param runningVersion the package version of the running build, or null when unknown
 * @param newest the newest installed kernel release of the running flavour, or null
 * @param newestVersion the package version of {@code newest}, or null
 * @param verdict what that means for a reboot
 */
public record KernelStatus(
    String running,
    DebianVersion runningVersion,
    String newest,
    DebianVersion newestVersion,
    Verdict verdict) {

  /** The outcome of the comparison; the names follow needrestart's {@code NEEDRESTART-KSTA}. */
  public enum Verdict {
    /** No installed package describes the running kernel (a custom or container host kernel). */
    UNKNOWN,
    /** The running kernel is the newest installed one. */
    CURRENT,
    /** The same release was rebuilt with a newer version (an ABI-compatible upgrade). */
    ABI_COMPATIBLE_UPGRADE,
    /** A newer kernel release is installed. */
    NEWER_KERNEL;

    /** Whether only a reboot puts the newest installed kernel to work. */
    public boolean needsReboot() {
      return this == ABI_COMPATIBLE_UPGRADE || this == NEWER_KERNEL;
    }
  }

  private static final Pattern RELEASE =
      Pattern.compile("\\d+\\.\\d+(?:\\.\\d+)?-\\d+(?:\\.\\d+)?-(.+)");
  private static final Pattern DEBIAN_BUILD = Pattern.compile(".*\\bDebian (\\S+).*");
  private static final String PREFIX = "linux-image-";

  /**
   * Compares the running kernel with the installed kernel packages.
   *
   * @param running {@code uname -r}
   * @param unameVersion {@code uname -v}, or null
   * @param packages installed packages (any; only present {@code linux-image-RELEASE} ones count)
   */
  public static KernelStatus evaluate(
      String running, String unameVersion, List<InstalledPackage> packages) {
    String flavour = flavour(running).orElse(null);
    List<InstalledPackage> kernels =
        packages.stream()
            .filter(p -> p.state() == null || p.state().isPresent())
            .filter(p -> release(p).isPresent())
            .toList();
    DebianVersion runningVersion = null;
    if (unameVersion != null) {
      Matcher m = DEBIAN_BUILD.matcher(unameVersion);
      if (m.matches() && DebianVersion.isValid(m.group(1))) {
        runningVersion = DebianVersion.parse(m.group(1));
      }
    }
    if (runningVersion == null) {
      runningVersion =
          kernels.stream()
              .filter(p -> release(p).orElseThrow().equals(running))
              .map(InstalledPackage::version)
              .findFirst()
              .orElse(null);
    }
    Optional<InstalledPackage> newest =
        kernels.stream()
            .filter(
                p ->
                    flavour != null
                        && flavour.equals(flavour(release(p).orElseThrow()).orElse(null)))
            .max(Comparator.comparing(InstalledPackage::version));
    if (runningVersion == null || newest.isEmpty()) {
      return new KernelStatus(
          running,
          runningVersion,
          newest.flatMap(KernelStatus::release).orElse(null),
          newest.map(InstalledPackage::version).orElse(null),
          Verdict.UNKNOWN);
    }
    String newestRelease = release(newest.get()).orElseThrow();
    DebianVersion newestVersion = newest.get().version();
    Verdict verdict;
    if (newestVersion.compareTo(runningVersion) <= 0) {
      verdict = Verdict.CURRENT;
    } else if (newestRelease.equals(running)) {
      verdict = Verdict.ABI_COMPATIBLE_UPGRADE;
    } else {
      verdict = Verdict.NEWER_KERNEL;
    }
    return new KernelStatus(running, runningVersion, newestRelease, newestVersion, verdict);
  }

  /** The kernel release a {@code linux-image-RELEASE[-unsigned]} package installs. */
  private static Optional<String> release(InstalledPackage p) {
    String name = p.pkg().name();
    if (!name.startsWith(PREFIX) || name.endsWith("-dbg") || name.endsWith("-dbgsym")) {
      return Optional.empty();
    }
    String release = name.substring(PREFIX.length()).replaceFirst("-unsigned$", "");
    return RELEASE.matcher(release).matches() ? Optional.of(release) : Optional.empty();
  }

  private static Optional<String> flavour(String release) {
    Matcher m = RELEASE.matcher(release);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
