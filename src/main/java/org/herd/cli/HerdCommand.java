package org.herd.cli;

import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code herd} command: the root that every subcommand hangs from. */
@Command(
    name = "herd",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Cluster-safe upgrades of Debian fleets.",
    subcommands = {
      DemoCommand.class,
      NodesetCommand.class,
      InventoryCommand.class,
      RecipeCommand.class,
      RunCommand.class,
      CopyCommand.class,
      RunsCommand.class,
      ShowCommand.class,
      ApplyCommand.class,
      ResumeCommand.class,
      AbortCommand.class,
      LabCommand.class,
      StatusCommand.class,
      ChangesCommand.class,
      PlanCommand.class,
      UpgradeCommand.class,
      RebootCommand.class,
      SimulateCommand.class
    },
    footer = {"", "Exit codes are documented in docs/cli.md."})
public final class HerdCommand implements Runnable {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces and debug logging.")
  boolean debug;

  @Option(
      names = "--inventory",
      scope = ScopeType.INHERIT,
      paramLabel = "[FORMAT:]FILE",
      description = {
        "The inventory: a herd.yaml, ansible:FILE (INI or YAML) or clush:FILE (ClusterShell"
            + " groups). Default: $HERD_INVENTORY, else ./herd.yaml, else /etc/herd/herd.yaml."
      })
  String inventory;

  /** Creates the root command for this process (used by the documentation generators). */
  public HerdCommand() {
    this(CliContext.forProcess());
  }

  /** Creates the root command for one invocation. */
  public HerdCommand(CliContext context) {
    this.context = Objects.requireNonNull(context);
  }

  /** The surroundings of this invocation. */
  public CliContext context() {
    return context;
  }

  /** The value of {@code --inventory}, or {@code null} when it was not given. */
  public String inventory() {
    return inventory;
  }

  /** Whether {@code --debug} was given anywhere on the command line. */
  public boolean debug() {
    return debug;
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }
}
