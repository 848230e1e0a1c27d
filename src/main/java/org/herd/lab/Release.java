package org.herd.lab;

import java.util.Locale;

/** The Debian releases a lab can run, with the names their archives use. */
public enum Release {
  /** Debian 12. */
  BOOKWORM(12),
  /** Debian 13. */
  TRIXIE(13);

  private final int number;

  Release(int number) {
    this.number = number;
  }

  /** The codename, as in {@code bookworm}. */
  public String codename() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The codename of the security suite, as in {@code bookworm-security}. */
  public String securityCodename() {
    return codename() + "-security";
  }

  /** The suffix Debian's security team gives to its versions, as in {@code +deb12u1}. */
  public String securitySuffix(int update) {
    return "+deb" + number + "u" + update;
  }

  /** The release called {@code codename}, or a bad-input error listing the known ones. */
  public static Release of(String codename) {
    for (Release release : values()) {
      if (release.codename().equals(codename)) {
        return release;
      }
    }
    throw LabException.badInput("release '" + codename + "': the lab runs bookworm or trixie");
  }
}
