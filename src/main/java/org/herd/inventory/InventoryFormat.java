package org.herd.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The inventory formats herd reads, named by the prefix of {@code --inventory PREFIX:FILE}. */
public enum InventoryFormat {
  /** herd's own {@code herd.yaml}. */
  HERD,
  /** An Ansible inventory, INI or YAML (by file extension, as Ansible decides). */
  ANSIBLE,
  /** A ClusterShell group file, {@code groups.d/*.yaml}. */
  CLUSH;

  /** The prefix: {@code herd}, {@code ansible}, {@code clush}. */
  public String prefix() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format with that prefix. */
  public static Optional<InventoryFormat> fromPrefix(String prefix) {
    return Arrays.stream(values()).filter(f -> f.prefix().equals(prefix)).findFirst();
  }
}
