package org.herd.inventory;

import java.nio.file.Path;

/**
 * Which inventory to read, and how.
 *
 * @param format the file's format
 * @param path the file
 * @param name the file as the user named it, for messages
 */
public record InventoryRef(InventoryFormat format, Path path, String name) {

  /** {@code ansible:hosts.ini}, or just the name for herd's own format. */
  @Override
  public String toString() {
    return format == InventoryFormat.HERD ? name : format.prefix() + ":" + name;
  }
}
