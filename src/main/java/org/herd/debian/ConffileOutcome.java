package org.herd.debian;

import java.util.Objects;

/**
 * What dpkg will do with one conffile on upgrade, and the file it leaves beside it.
 *
 * @param action what dpkg does
 * @param leftBehind the file dpkg writes beside the conffile ({@code FILE.dpkg-dist}, {@code
 *     .dpkg-old} or {@code .dpkg-bak}), or null when it writes none
 */
public record ConffileOutcome(ConffileAction action, String leftBehind) {

  /** Requires the action. */
  public ConffileOutcome {
    Objects.requireNonNull(action, "action");
  }
}
