package org.herd.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
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
    footer = {"", "Exit codes are documented in docs/cli.md."})
public final class HerdCommand implements Runnable {

  /** The subcommands, in the order {@code herd --help} lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
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
          PauseCommand.class,
          LabCommand.class,
          StatusCommand.class,
          ChangesCommand.class,
          PlanCommand.class,
          UpgradeCommand.class,
          RebootCommand.class,
          SimulateCommand.class,
          ServeCommand.class);

  private final CliContext context;

  @Spec CommandSpec spec;

  private boolean debug;

  @Option(
      names = {"-d", "--debug"},
      scope = ScopeType.INHERIT,
      description =
          "Show stack traces and debug logging; herd run also says where its hosts came from.")
  void debug(boolean on) {
    debug = on;
    if (on) {
      LogConfigurator.debugHerd();
    }
  }

  @Option(
      names = "--inventory",
      converter = PathConverter.Name.class,
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

  /** Whether {@code -d}/{@code --debug} was given anywhere on the command line. */
  public boolean debug() {
    return debug;
  }

  /**
   * The command line of one invocation of {@code root}. When {@code args} name a subcommand first
   * (after the root's own options), only that subcommand is built: picocli builds a command's model
   * by reflection over its options, and building all of them costs a short command such as {@code
   * herd run} more CPU than its own work on a few hosts. Otherwise (help, version, an unknown
   * command, which wants suggestions) every subcommand is built.
   */
  static CommandLine commandLine(HerdCommand root, String... args) {
    CommandLine commandLine = new CommandLine(root);
    Optional<Class<?>> named = namedFirst(args);
    if (named.isPresent()) {
      commandLine.addSubcommand(named.get());
    } else {
      SUBCOMMANDS.forEach(commandLine::addSubcommand);
    }
    // Adding a subcommand gives it the root's parser settings; its own transformer (e.g. run's
    // stop-at-positional) must come after, as for subcommands declared in the annotation.
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      CommandSpec spec = sub.getCommandSpec();
      if (spec.modelTransformer() != null) {
        spec.modelTransformer().transform(spec);
      }
      ConnectOptions.withShortSshOption(spec);
    }
    // After the subcommands: a converter reaches only the commands registered when it is.
    commandLine.registerConverter(Path.class, new PathConverter());
    return commandLine;
  }

  /** The subcommand that {@code args} name, skipping the root's own options before it. */
  private static Optional<Class<?>> namedFirst(String... args) {
    int i = 0;
    while (i < args.length
        && (args[i].equals("--debug")
            || args[i].equals("-d")
            || args[i].startsWith("--inventory"))) {
      i += args[i].equals("--inventory") ? 2 : 1;
    }
    if (i >= args.length) {
      return Optional.empty();
    }
    String name = args[i];
    return SUBCOMMANDS.stream()
        .filter(command -> command.getAnnotation(Command.class).name().equals(name))
        .findFirst();
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }
}
