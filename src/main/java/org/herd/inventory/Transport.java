package org.herd.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How herd reaches a host; see {@code DESIGN.md} for what each one is for. */
public enum Transport {
  /** In-process SSH (Apache MINA SSHD), the default. */
  SSH,
  /** The system {@code ssh} binary, for configurations only OpenSSH understands. */
  OPENSSH,
  /** Commands run on this machine, without SSH. */
  LOCAL;

  /** The name used in inventories: {@code ssh}, {@code openssh}, {@code local}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every name accepted in inventories. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(Transport::key).toList();
  }

  /** The transport called {@code key} in an inventory. */
  public static Optional<Transport> fromKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }
}
