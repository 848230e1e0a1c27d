package org.herd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herd inventory}: check, show and import inventories. */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description = {
      "Check, show and import inventories (hosts, groups, clusters, waves).",
      "See docs/inventory.md for the herd.yaml format."
    },
    subcommands = {
      InventoryCheckCommand.class,
      InventoryShowCommand.class,
      InventoryImportCommand.class
    })
final class InventoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(CliContext.of(spec).out());
    return ExitCode.OK.code();
  }
}
