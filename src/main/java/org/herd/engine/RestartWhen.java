package org.herd.engine;

import java.util.Locale;

/**
 * When herd performs a restart that dpkg asked for and its guard denied: {@code now} (the restart
 * step, before the host's health gate), {@code after-run} (once every host of the run finished, or
 * at the next {@code herd apply} on the host), or {@code never} (left pending for the operator, who
 * sees it in {@code herd status}).
 */
public enum RestartWhen {
  NOW,
  AFTER_RUN,
  NEVER;

  /** The word in inventories and output: {@code now}, {@code after-run}, {@code never}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Reads an inventory's word.
   *
   * @throws IllegalArgumentException naming the words allowed
   */
  public static RestartWhen parse(String word) {
    for (RestartWhen when : values()) {
      if (when.word().equals(word)) {
        return when;
      }
    }
    throw new IllegalArgumentException("restart '" + word + "': expected now, after-run or never");
  }
}
