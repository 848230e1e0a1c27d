package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One release a candidate version is available from, as {@code apt-get -s} prints it: {@code
 * Label:Version/Archive}, e.g. {@code Debian-Security:12/stable-security} (apt's {@code RelStr}).
 * Any part may be missing: without a Release file apt prints the site ({@code localhost} for {@code
 * file:} sources) instead of the archive.
 *
 * @param label the Release file's {@code Label}, or null
 * @param version the Release file's {@code Version} (e.g. {@code 12.12}), or null
 * @param archive the Release file's {@code Suite} (apt calls it archive), or the site, or null
 * @param text the text apt printed, kept for display
 */
public record AptRelease(String label, String version, String archive, String text) {

  /** The label Debian's security archive carries. */
  public static final String DEBIAN_SECURITY_LABEL = "Debian-Security";

  /**
   * Whether this is a security archive: label {@code Debian-Security}, or a suite ending in {@code
   * -security} (Debian's {@code bookworm-security}, Ubuntu's {@code noble-security}).
   */
  @JsonIgnore
  public boolean isSecurity() {
    return DEBIAN_SECURITY_LABEL.equals(label)
        || (archive != null && archive.endsWith("-security"));
  }

  /** Parses one comma-separated element of apt's release list. Never throws. */
  public static AptRelease parse(String text) {
    String t = text.strip();
    int slash = t.lastIndexOf('/');
    String head = slash < 0 ? t : t.substring(0, slash);
    String archive = slash < 0 ? null : t.substring(slash + 1);
    int colon = head.lastIndexOf(':');
    String label = colon < 0 ? null : head.substring(0, colon);
    String rest = colon < 0 ? head : head.substring(colon + 1);
    String version = null;
    if (slash < 0) {
      archive = rest;
    } else {
      version = rest;
    }
    return new AptRelease(emptyToNull(label), emptyToNull(version), emptyToNull(archive), t);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Override
  public String toString() {
    return text;
  }
}
