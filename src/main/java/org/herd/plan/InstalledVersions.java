package org.herd.plan;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.herd.debian.DebianVersion;
import org.herd.debian.InstalledPackage;
import org.herd.debian.PackageName;

/**
 * The installed versions a fresh probe reported, for {@link DriftCheck}: the packages it found with
 * their versions, and those it reported as not installed. A package in neither was not asked about
 * (or the probe was cut), which is different from "not installed".
 */
public final class InstalledVersions {

  private final Map<String, DebianVersion> installed;
  private final Set<String> absent;

  private InstalledVersions(Map<String, DebianVersion> installed, Set<String> absent) {
    this.installed = installed;
    this.absent = absent;
  }

  /**
   * From dpkg-query's answer: every installed package under its name and under {@code name:arch};
   * when several architectures of one name are installed, the unqualified name keeps the first.
   *
   * @param packages the packages found
   * @param notInstalled names the probe reported as not installed
   */
  public static InstalledVersions of(
      Collection<InstalledPackage> packages, Collection<String> notInstalled) {
    Map<String, DebianVersion> installed = new HashMap<>();
    for (InstalledPackage p : packages) {
      if (p.version() == null) {
        continue;
      }
      installed.putIfAbsent(p.pkg().unqualified().toString(), p.version());
      if (p.architecture() != null) {
        installed.put(p.pkg().name() + ":" + p.architecture(), p.version());
      }
    }
    return new InstalledVersions(installed, new HashSet<>(notInstalled));
  }

  /** From a map of versions (null values: not installed); for tests and callers with a map. */
  public static InstalledVersions of(Map<PackageName, DebianVersion> versions) {
    Map<String, DebianVersion> installed = new HashMap<>();
    Set<String> absent = new HashSet<>();
    versions.forEach(
        (pkg, version) -> {
          if (version == null) {
            absent.add(pkg.toString());
          } else {
            installed.put(pkg.toString(), version);
          }
        });
    return new InstalledVersions(installed, absent);
  }

  /** Whether the probe said anything about {@code pkg}. */
  public boolean reported(PackageName pkg) {
    return installed.containsKey(pkg.toString())
        || absent.contains(pkg.toString())
        || absent.contains(pkg.name());
  }

  /** The installed version of {@code pkg}, or null when not installed (or not reported). */
  public DebianVersion version(PackageName pkg) {
    return installed.get(pkg.toString());
  }
}
