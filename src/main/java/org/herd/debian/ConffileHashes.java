package org.herd.debian;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The three MD5 sums of one conffile that decide what dpkg does with it on upgrade: the one dpkg
 * recorded for the installed version ({@code Conffiles:} in dpkg's status), the one of the file the
 * candidate .deb ships, and the one of the file on the host now.
 *
 * @param pkg the package that ships the conffile
 * @param path the conffile's absolute path
 * @param installed the MD5 sum dpkg recorded for the installed version, or null when the installed
 *     version does not ship it (or dpkg recorded {@code newconffile}, an unconfigured one)
 * @param candidate the MD5 sum of the candidate's file, or null when the candidate does not ship it
 * @param local the MD5 sum of the file on the host, or null when there is none
 * @param removeOnUpgrade whether the candidate marks the path {@code remove-on-upgrade}
 */
public record ConffileHashes(
    PackageName pkg,
    String path,
    String installed,
    String candidate,
    String local,
    boolean removeOnUpgrade) {

  private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

  /** Checks the path and that every sum present is an MD5 sum in lower-case hex. */
  public ConffileHashes {
    Objects.requireNonNull(pkg, "pkg");
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("conffile path '" + path + "': expected an absolute path");
    }
    for (String sum : new String[] {installed, candidate, local}) {
      if (sum != null && !MD5.matcher(sum).matches()) {
        throw new IllegalArgumentException("conffile " + path + ": '" + sum + "' is not an MD5");
      }
    }
  }

  /** What dpkg will do with this conffile under {@code policy}. */
  public ConffileOutcome outcome(ConffilePolicy policy) {
    if (candidate == null) {
      if (removeOnUpgrade) {
        boolean modified = local != null && !local.equals(installed);
        return new ConffileOutcome(ConffileAction.REMOVED, modified ? path + ".dpkg-bak" : null);
      }
      return installed == null
          ? outcome(ConffileAction.UNCHANGED)
          : outcome(ConffileAction.OBSOLETE);
    }
    if (candidate.equals(local)) {
      return outcome(ConffileAction.UNCHANGED);
    }
    if (local == null && policy.confmiss()) {
      return outcome(installed == null ? ConffileAction.NEW : ConffileAction.INSTALL_NEW);
    }
    if (installed == null) {
      return local == null ? outcome(ConffileAction.NEW) : conflict(policy);
    }
    boolean userEdited = !installed.equals(local);
    boolean distEdited = !installed.equals(candidate);
    if (!distEdited) {
      return outcome(ConffileAction.UNCHANGED);
    }
    return userEdited ? conflict(policy) : outcome(ConffileAction.INSTALL_NEW);
  }

  private ConffileOutcome conflict(ConffilePolicy policy) {
    ConffileAction action = policy.onConflict();
    return switch (action) {
      case KEEP_LOCAL -> new ConffileOutcome(action, path + ".dpkg-dist");
      case REPLACE_LOCAL -> new ConffileOutcome(action, local == null ? null : path + ".dpkg-old");
      default -> outcome(action);
    };
  }

  private static ConffileOutcome outcome(ConffileAction action) {
    return new ConffileOutcome(action, null);
  }
}
