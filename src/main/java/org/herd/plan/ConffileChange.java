package org.herd.plan;

import java.util.Objects;
import org.herd.debian.ConffileAction;
import org.herd.debian.PackageName;

/**
 * One conffile that the upgrade of a host changes (or would, but keeps): see {@link ConffileAction}
 * for each action.
 *
 * @param pkg the package that ships it
 * @param path the conffile
 * @param action what dpkg will do with it ({@link ConffileAction#UNCHANGED} is never in a plan)
 * @param leftBehind the file dpkg writes beside it ({@code .dpkg-dist}, {@code .dpkg-old}, {@code
 *     .dpkg-bak}), or null
 */
public record ConffileChange(
    PackageName pkg, String path, ConffileAction action, String leftBehind) {

  /** Requires the package, the path and a change. */
  public ConffileChange {
    Objects.requireNonNull(pkg, "pkg");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(action, "action");
    if (action == ConffileAction.UNCHANGED) {
      throw new IllegalArgumentException("conffile " + path + ": an unchanged file is no change");
    }
  }
}
