package org.herd.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;

/**
 * The installed state a host plan was made from: the installed version (or absence) of every
 * package the plan touches. {@link DriftCheck} compares it with a fresh probe, so {@code herd
 * apply} refuses a host whose state moved since planning.
 *
 * @param packages every installed or removed package of the plan with its version then (null: not
 *     installed), sorted by package
 * @param digest {@code sha256:} of the lines {@code package=version} ({@code package=-} when not
 *     installed), one per package in order: equal digests, equal bases
 */
public record PlanBasis(List<InstalledVersion> packages, String digest) {

  /** Sorts the packages and checks the digest. */
  public PlanBasis {
    Objects.requireNonNull(digest, "digest");
    packages = packages.stream().sorted(Comparator.comparing(p -> p.pkg().toString())).toList();
    String expected = digestOf(packages);
    if (!expected.equals(digest)) {
      throw new IllegalArgumentException(
          "basis digest " + digest + " does not match its packages (" + expected + ")");
    }
  }

  /** The basis of these packages, with its digest computed. */
  public static PlanBasis of(List<InstalledVersion> packages) {
    List<InstalledVersion> sorted =
        packages.stream().sorted(Comparator.comparing(p -> p.pkg().toString())).toList();
    return new PlanBasis(sorted, digestOf(sorted));
  }

  /**
   * One package's installed version when the plan was made.
   *
   * @param pkg the package
   * @param version its installed version, or null when it was not installed
   */
  public record InstalledVersion(PackageName pkg, DebianVersion version) {

    /** Requires the package. */
    public InstalledVersion {
      Objects.requireNonNull(pkg, "pkg");
    }
  }

  private static String digestOf(List<InstalledVersion> sorted) {
    StringBuilder text = new StringBuilder();
    for (InstalledVersion p : sorted) {
      text.append(p.pkg()).append('=').append(p.version() == null ? "-" : p.version()).append('\n');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return "sha256:"
          + HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
