package org.herd.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.herd.inventory.Group;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryException;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryLocator;
import org.herd.inventory.InventoryRef;
import org.herd.nodeset.GroupResolver;
import org.herd.nodeset.NodeGroups;
import org.herd.nodeset.NodeSet;
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

  /** The command's inventory when one is named or found; none is no error, a broken one is. */
  static Optional<Inventory> loadIfFound(CommandSpec spec) {
    InventoryRef ref;
    try {
      ref = locate(spec);
    } catch (InventoryException none) {
      return Optional.empty();
    }
    return Optional.of(InventoryLoader.load(ref));
  }

  /**
   * Groups of node sets through the inventory that {@code inventory} gives, asked for only when an
   * expression names a group; no groups at all when there is no inventory (so {@code herd nodeset}
   * works without one).
   */
  static GroupResolver groupsOrNone(Supplier<Optional<Inventory>> inventory) {
    return new GroupResolver() {
      private GroupResolver groups;

      private GroupResolver groups() {
        if (groups == null) {
          groups = inventory.get().<GroupResolver>map(Inventory::groupResolver).orElse(NONE);
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

  /**
   * The groups of one source of {@code inventory}, as {@code -l} lists them and {@code -r} folds
   * with them: {@code source}, or the default one when it is null; printed {@code @source:name}
   * when the source was named and {@code groupBase} does not hide it, as ClusterShell prints them.
   *
   * @throws UserError when the inventory has no such source
   */
  static NodeGroups sourceGroups(Inventory inventory, String source, boolean groupBase) {
    String name = source == null ? inventory.defaultSource() : source;
    Map<String, NodeSet> groups = new LinkedHashMap<>();
    Set<String> sources = new TreeSet<>(Set.of(inventory.defaultSource()));
    for (Group group : inventory.groups()) {
      sources.add(group.source());
      if (group.source().equals(name)) {
        groups.put(group.name(), group.hosts());
      }
    }
    if (!sources.contains(name)) {
      throw new UserError(
          "-s "
              + name
              + ": no such group source (the inventory has "
              + String.join(", ", sources)
              + ")");
    }
    return new NodeGroups(source != null && !groupBase ? "@" + source + ":" : "@", groups);
  }
}
