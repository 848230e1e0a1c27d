package org.herd.inventory;

import java.nio.file.Path;
import java.util.List;

/** Loads inventories from text in tests, and shows their problems as the CLI would. */
final class Inventories {

  private Inventories() {}

  static Inventory load(InventoryFormat format, String name, String text) {
    return InventoryLoader.load(new InventoryRef(format, Path.of(name), name), text);
  }

  static Inventory herd(String text) {
    return load(InventoryFormat.HERD, "herd.yaml", text);
  }

  /** The problem lines of loading {@code text}, or an empty list when it loads. */
  static List<String> problems(InventoryFormat format, String name, String text) {
    try {
      load(format, name, text);
      return List.of();
    } catch (InventoryException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
  }

  static List<String> herdProblems(String text) {
    return problems(InventoryFormat.HERD, "herd.yaml", text);
  }
}
