package org.herd.engine;

import java.util.Optional;

/**
 * The invoke-rc.d actions herd's guard denies for the services herd controls: those that would
 * (re)start them always, and {@link #STOP} too while the guard holds them (installs ahead of a
 * member's turn, when nothing may take the service down).
 */
public enum GuardAction {
  START("start"),
  RESTART("restart"),
  RELOAD("reload"),
  FORCE_RELOAD("force-reload"),
  TRY_RESTART("try-restart"),
  /** Denied only while the guard holds its services; herd restarts the unit in its turn. */
  STOP("stop");

  private final String word;

  GuardAction(String word) {
    this.word = word;
  }

  /** The action as invoke-rc.d names it. */
  public String word() {
    return word;
  }

  /** Whether the guard denies this action only while it holds its services. */
  public boolean onlyWhenHeld() {
    return this == STOP;
  }

  /** Whether herd satisfies the request with a reload rather than a restart. */
  public boolean reloadOnly() {
    return this == RELOAD || this == FORCE_RELOAD;
  }

  /** The action named {@code word}, if the guard denies it. */
  public static Optional<GuardAction> of(String word) {
    for (GuardAction a : values()) {
      if (a.word.equals(word)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
