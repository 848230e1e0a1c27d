package org.herd.debian;

/**
 * What dpkg will do with one conffile of a package when it upgrades the package: the outcome of
 * {@link ConffileHashes#outcome}. See dpkg's conffile handling ({@code deferred_configure_conffile}
 * in dpkg's {@code configure.c}) and Debian Policy 10.7.3.
 */
public enum ConffileAction {
  /** The package ships the same file as before, or the local file already is the new one. */
  UNCHANGED,
  /** Not modified locally and the package ships a new version: dpkg installs it. */
  INSTALL_NEW,
  /**
   * Modified locally (or deleted, or created by the administrator before the package shipped it)
   * and the package ships a new version: the local file stays, the new one is written beside it as
   * {@code FILE.dpkg-dist} for the operator to merge.
   */
  KEEP_LOCAL,
  /**
   * Modified locally and the package ships a new version, under {@code --force-confnew} without
   * {@code --force-confdef}: dpkg installs the new file and keeps the local one as {@code
   * FILE.dpkg-old}.
   */
  REPLACE_LOCAL,
  /**
   * Modified locally and the package ships a new version, without any {@code --force-conf*} option:
   * dpkg stops to ask, and a non-interactive upgrade fails there.
   */
  PROMPT,
  /** A conffile the installed version does not ship and nothing is at its path: installed. */
  NEW,
  /** Shipped only by the installed version: dpkg leaves the file in place, marked obsolete. */
  OBSOLETE,
  /**
   * The new version marks it {@code remove-on-upgrade}: dpkg removes it (a locally modified one is
   * kept as {@code FILE.dpkg-bak}).
   */
  REMOVED;

  /**
   * Whether the administrator's changes meet a new version of the package: the file the operator
   * must look at after the upgrade (or dpkg's question, without a force option).
   */
  public boolean isConflict() {
    return this == KEEP_LOCAL || this == REPLACE_LOCAL || this == PROMPT;
  }
}
