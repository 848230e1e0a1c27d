package org.herd.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How herd gains root on a host when it does not log in as root. */
public enum Become {
  /** Commands run as the login user (who should then be root). */
  NONE,
  /** Commands run through {@code sudo -n}. */
  SUDO;

  /** The name used in inventories: {@code none}, {@code sudo}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name accepted in inventories. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(Become::key).toList();
  }

  /** The method called {@code key} in an inventory. */
  public static Optional<Become> fromKey(String key) {
    return Arrays.stream(values()).filter(b -> b.key().equals(key)).findFirst();
  }
}
