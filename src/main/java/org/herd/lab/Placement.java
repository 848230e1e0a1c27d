package org.herd.lab;

/**
 * Where a package of the lab repository shows up, depending on the {@link Suite} the lab shows.
 *
 * <p>The lab repository has two distributions, like Debian: the release itself ({@code bookworm},
 * labelled {@code Debian}) and its security suite ({@code bookworm-security}, labelled {@code
 * Debian-Security}).
 */
public enum Placement {
  /** A dependency the hosts need to install the others: always in the release. */
  DEPENDENCY,
  /** An original version: always in the release. */
  OLD,
  /** A new version ({@code +lab1}, fixed fixtures): in the release when the suite is new. */
  NEW,
  /** A security update: in the security suite when the suite is new. */
  SECURITY_UPDATE,
  /** Added with {@code herd lab publish}: always in the release. */
  PUBLISHED;

  /** Whether a package placed so is listed in the release ({@code security} false) or security. */
  public boolean shown(Suite suite, boolean security) {
    return switch (this) {
      case DEPENDENCY, OLD, PUBLISHED -> !security;
      case NEW -> !security && suite == Suite.NEW;
      case SECURITY_UPDATE -> security && suite == Suite.NEW;
    };
  }
}
