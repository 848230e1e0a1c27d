package org.herd.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * How the lab's base image is made. Its {@link #hash} names the cached image: change anything here
 * (a package, the release, the way the image is finished) and the next {@code lab up} builds a new
 * image instead of reusing a stale one.
 *
 * @param release the Debian release
 * @param variant the debootstrap variant
 * @param packages what debootstrap adds to the variant
 * @param finish a version of {@link BaseImage}'s finishing steps; bump it when they change
 */
public record ImageRecipe(Release release, String variant, List<String> packages, int finish) {

  /** What every lab host needs on top of minbase: an init, a bus, sshd, ip and certificates. */
  public static final List<String> PACKAGES =
      List.of("systemd", "systemd-sysv", "dbus", "openssh-server", "iproute2", "ca-certificates");

  /** The current finishing steps. */
  static final int FINISH_VERSION = 1;

  /** Copies the package list. */
  public ImageRecipe {
    packages = List.copyOf(packages);
  }

  /** The standard recipe for {@code release}. */
  public static ImageRecipe standard(Release release) {
    return new ImageRecipe(release, "minbase", PACKAGES, FINISH_VERSION);
  }

  /** The recipe as text: what is hashed, and what is kept next to the image. */
  public String describe() {
    return "herd lab image\n"
        + "release: "
        + release.codename()
        + "\nvariant: "
        + variant
        + "\npackages: "
        + String.join(",", packages)
        + "\nfinish: "
        + finish
        + "\n";
  }

  /** The first 16 hex digits of the SHA-256 of {@link #describe()}. */
  public String hash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(describe().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
