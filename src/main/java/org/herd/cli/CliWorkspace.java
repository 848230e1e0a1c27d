package org.herd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.herd.engine.Sleeper;
import org.herd.inventory.InventoryException;
import org.herd.inventory.InventoryRef;
import org.herd.ops.Workspace;
import picocli.CommandLine.Model.CommandSpec;

/** The workspace a command's use cases run on, from its options and the command line's context. */
final class CliWorkspace {

  private CliWorkspace() {}

  /**
   * The inventory the command names or finds (none when there is none: plain host names), the
   * recipes of {@code recipeDirectories} after the built-ins, and hosts reached as {@code connect}
   * says.
   */
  static Workspace of(
      CommandSpec spec, CliContext context, ConnectOptions connect, List<Path> recipeDirectories) {
    Optional<InventoryRef> inventory;
    try {
      inventory = Optional.of(CliInventory.locate(spec));
    } catch (InventoryException none) {
      inventory = Optional.empty();
    }
    return new Workspace(
        new Workspace.Sources(
            inventory, recipeDirectories, context.workingDirectory(), context.env()),
        connect.settings(context),
        kinds -> connect.transport(context, kinds),
        context.clock(),
        Sleeper.SYSTEM);
  }
}
