package org.herd.cli;

import java.util.Optional;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryLocator;
import org.herd.inventory.InventoryRef;
import org.herd.nodeset.GroupResolver;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The inventory of a command: the one place that reads {@code --inventory} (an inherited option of
 * {@link HerdCommand}, so every command takes it) and finds the file as {@link InventoryLocator}
 * says.
 */
final class CliInventory {

  private CliInventory() {}

  /** Which inventory the command should read. */
  static InventoryRef locate(CommandSpec spec) {
    CliContext context = CliContext.of(spec);
    HerdCommand root = (HerdCommand) spec.root().userObject();
    return new InventoryLocator(context.env(), context.workingDirectory()).locate(root.inventory());
  }

  /** The command's inventory, read and checked. */
  static Inventory load(CommandSpec spec) {
    return InventoryLoader.load(locate(spec));
  }

  /**
   * Groups of node sets through the inventory, read only when an expression names a group; no
   * groups at all when there is no inventory (so {@code herd nodeset} works without one). A broken
   * inventory is still an error.
   */
  static GroupResolver groupsOrNone(CommandSpec spec) {
    return new GroupResolver() {
      private GroupResolver groups;

      private GroupResolver groups() {
        if (groups == null) {
          InventoryRef ref;
          try {
            ref = locate(spec);
          } catch (InventoryException none) {
            groups = GroupResolver.NONE;
            return groups;
          }
          groups = InventoryLoader.load(ref).groupResolver();
        }
        return groups;
      }

      @Override
      public Optional<String> group(String source, String name) {
        return groups().group(source, name);
      }

      @Override
      public Optional<String> all(String source) {
        return groups().all(source);
      }
    };
  }
}
