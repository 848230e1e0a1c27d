package org.herd.facts;

/** Where the host found a candidate's changelog. */
public enum ChangelogSource {
  /** {@code apt-get changelog} (the distribution's changelog server). */
  APT,
  /** The candidate .deb, fetched with {@code apt-get download}. */
  DEB,
  /** Neither worked; the text says why. */
  NONE
}
