package org.herd.lab;

import java.util.Locale;

/** What the lab repository shows its hosts: see {@code herd lab suite}. */
public enum Suite {
  /** Only the original versions: what the hosts start from. */
  OLD,
  /** The original and the new ({@code +lab1}, fixed fixture) versions: upgrades are available. */
  NEW;

  /** The name used on the command line and in status. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
