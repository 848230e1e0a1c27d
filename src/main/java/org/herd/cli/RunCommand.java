package org.herd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.herd.fleet.FanOut;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetListener;
import org.herd.fleet.FleetResult;
import org.herd.fleet.FleetRun;
import org.herd.fleet.FleetSession;
import org.herd.fleet.Gathering;
import org.herd.fleet.JsonReport;
import org.herd.fleet.OutputGroup;
import org.herd.fleet.TextReport;
import org.herd.nodeset.NodeGroups;
import org.herd.nodeset.NodeSet;
import org.herd.text.TextFile;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd run}: one command (or several, over the same connections) on a node set, with clush's
 * options and output. See {@code docs/run.md}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    modelTransformer = OptionsFirst.class,
    description = {
      "Run a shell command on many hosts at once, as clush does.",
      "Everything after the first word of the command belongs to the command: "
          + "'herd run -w n[1-9] uname -r'."
    },
    footer = {
      "",
      "Exit status: 0 when every host succeeded, 1 when one did not; with -S the largest remote"
          + " exit code, 255 if a host was unreachable or timed out; 130 on Ctrl-C."
    })
final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NodeSelection selection;

  @Mixin ConnectOptions connect;

  @Mixin FanoutOption fanoutOption = new FanoutOption();

  @Option(
      names = {"-u", "--command-timeout"},
      paramLabel = "SECONDS",
      description = "Kill a command that runs longer than this (default: no limit).")
  Double commandTimeout;

  @Option(
      names = {"-b", "--dshbak"},
      description = "Gather identical outputs of hosts with the same exit code.")
  boolean gather;

  @Option(
      names = {"-B", "--dshbak-all"},
      description = "Like -b, with standard error gathered too.")
  boolean gatherAll;

  @Option(
      names = {"-L", "--line-mode"},
      description = "Print every line as 'host: line', sorted by host, at the end.")
  boolean lineMode;

  @Option(
      names = {"-N", "--no-label"},
      description = "No 'host: ' prefix, no headers.")
  boolean noLabel;

  @Option(
      names = {"-S", "--maxrc"},
      description = "Exit with the largest remote exit code (255 when a host gave no answer).")
  boolean maxrc;

  @Option(
      names = "--diff",
      description = "Print a unified diff of each output against the most common one.")
  boolean diff;

  @Option(names = "--json", description = "Print the results as JSON, one object per command.")
  boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress line, no 'exited with exit code' lines.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Say which hosts --pick drew; with -b, -B, -L or --diff, also print each line as it"
              + " comes, as clush -v does.")
  boolean verbose;

  @Option(
      names = {"-P", "--progress"},
      description = "Show the progress line even when standard error is not a terminal.")
  boolean progress;

  @Option(
      names = {"-r", "--regroup"},
      description = "Head the blocks of -b, -B and --diff with the inventory's groups: @web,db1.")
  boolean regroup;

  @Option(
      names = {"-G", "--groupbase"},
      description = "With -r and -s, print groups as @group, without their source.")
  boolean groupBase;

  @Option(
      names = {"-c", "--command"},
      paramLabel = "CMD",
      description =
          "A command to run; repeat for several, run one after the other over the same"
              + " connections.")
  List<String> commands = new ArrayList<>();

  @Option(
      names = "--commands-file",
      paramLabel = "FILE",
      description = "Commands to run one after the other, one per line ('#' comments).")
  Path commandsFile;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, as for clush.")
  List<String> words = new ArrayList<>();

  private enum Mode {
    STREAM,
    GATHER,
    LINES,
    DIFF,
    JSON
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    CliContext context = CliContext.of(spec);
    List<String> lines = commandLines(context);
    Mode mode = mode();
    int fanout = fanoutOption.value();
    FleetTargets targets = FleetTargets.resolve(spec, selection, connect);
    tell(context, targets, fanout, lines);
    NodeGroups headers = regroup ? headerGroups(targets) : NodeGroups.NONE;
    FanOutSettings settings =
        FanOutSettings.defaults()
            .withFanout(fanout)
            .withCommandTimeout(
                commandTimeout == null
                    ? null
                    : ConnectOptions.seconds("--command-timeout", commandTimeout))
            .withRetainOutput(mode != Mode.STREAM);
    TextReport report =
        new TextReport(
            context.out(), context.err(), new TerminalPalette(context.terminal()), !noLabel);
    int worst = 0;
    boolean allOk = true;
    try (Transport transport = connect.transport(context, targets.kinds());
        InterruptHook hook = InterruptHook.install()) {
      BiFunction<RemoteCommand, FleetListener, FleetRun> starter =
          starter(transport, targets, settings, context, lines.size());
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (lines.size() > 1 && mode != Mode.JSON) {
          context.out().println("==> " + line + " <==");
        }
        LiveDisplay display = display(context, report, mode, targets.endpoints().size());
        FleetRun run = starter.apply(RemoteCommand.shell(line), display);
        hook.onInterrupt(run::interrupt);
        FleetResult result = run.await();
        display.clear();
        print(context, report, mode, line, result, headers);
        worst = Math.max(worst, result.maxExitCode());
        allOk &= result.allOk();
        if (result.interrupted()) {
          context
              .err()
              .println(
                  "herd: interrupted: "
                      + NodeSet.of(result.incomplete()).fold()
                      + " did not complete");
          context.out().flush();
          context.err().flush();
          return ExitCode.INTERRUPTED.code();
        }
      }
      context.out().flush();
      context.err().flush();
    }
    if (maxrc) {
      return worst;
    }
    return allOk ? ExitCode.OK.code() : ExitCode.FAILURE.code();
  }

  /** One command closes each connection as soon as its host is done; several share one session. */
  private BiFunction<RemoteCommand, FleetListener, FleetRun> starter(
      Transport transport,
      FleetTargets targets,
      FanOutSettings settings,
      CliContext context,
      int commandCount) {
    if (commandCount == 1) {
      FanOut fanOut = new FanOut(transport, settings, context.clock());
      return (command, listener) -> fanOut.start(targets.endpoints(), command, listener);
    }
    FleetSession session =
        new FleetSession(transport, targets.endpoints(), settings, context.clock());
    return session::start;
  }

  /**
   * What clush says in its verbose and debug modes, on standard error: with {@code -d}, what each
   * option selected and what will run; with {@code -v} or {@code -d}, the hosts {@code --pick}
   * drew.
   */
  private void tell(CliContext context, FleetTargets targets, int fanout, List<String> lines) {
    boolean debug = ((HerdCommand) spec.root().userObject()).debug();
    PrintWriter err = context.err();
    if (debug) {
      for (NodeSelection.Origin origin : targets.selection().origins()) {
        err.println(
            "herd: debug: "
                + origin.option()
                + (origin.excluded() ? " leaves out " : " selects ")
                + origin.nodes().fold());
      }
    }
    if ((verbose || debug) && targets.selection().picked()) {
      err.println("herd: picked at random: " + targets.nodes().fold());
    }
    if (debug) {
      err.println(
          "herd: debug: "
              + targets.nodes().fold()
              + " ("
              + targets.nodes().size()
              + (targets.nodes().size() == 1 ? " host" : " hosts")
              + "), fanout "
              + fanout
              + ", "
              + (lines.size() == 1 ? "command: " + lines.get(0) : lines.size() + " commands"));
    }
    err.flush();
  }

  /** The groups that head blocks with {@code -r}: those of {@code -s}, or the default source. */
  private NodeGroups headerGroups(FleetTargets targets) {
    return targets
        .inventory()
        .map(inventory -> CliInventory.sourceGroups(inventory, selection.groupSource, groupBase))
        .orElse(NodeGroups.NONE);
  }

  private LiveDisplay display(CliContext context, TextReport report, Mode mode, int total) {
    // clush -v prints stdout lines as they come even when it gathers them for the end.
    boolean streamStdout = mode == Mode.STREAM || (verbose && mode != Mode.JSON);
    boolean streamStderr = mode == Mode.STREAM || (!gatherAll && mode != Mode.JSON);
    return new LiveDisplay(
        report,
        context.out(),
        context.err(),
        streamStdout,
        streamStderr,
        (progress || context.terminal().interactive()) && !quiet,
        context.clock(),
        total);
  }

  private void print(
      CliContext context,
      TextReport report,
      Mode mode,
      String line,
      FleetResult result,
      NodeGroups headers) {
    switch (mode) {
      case STREAM -> {}
      case GATHER ->
          report.gathered(headed(Gathering.gather(result.results(), gatherAll, false), headers));
      case LINES -> report.sortedLines(result.results(), gatherAll);
      case DIFF ->
          report.diff(headed(Gathering.gather(result.results(), gatherAll, true), headers));
      case JSON -> JsonReport.write(context.out(), line, result);
    }
    context.out().flush();
    if (mode != Mode.JSON) {
      report.failures(result.results(), quiet);
    }
    context.err().flush();
  }

  /**
   * The blocks headed by their hosts folded with the groups of {@code -r}, as clush -r heads them.
   */
  private List<OutputGroup> headed(List<OutputGroup> blocks, NodeGroups groups) {
    if (!regroup) {
      return blocks;
    }
    List<OutputGroup> headed = new ArrayList<>();
    for (OutputGroup block : blocks) {
      String header = groups.regroup(NodeSet.of(block.hosts()), NodeSet.NO_AUTOSTEP);
      headed.add(
          new OutputGroup(
              block.hosts(), header, block.exitCode(), block.outcomeKind(), block.lines()));
    }
    return headed;
  }

  private Mode mode() {
    if (json && (gather || gatherAll || lineMode || diff)) {
      throw new UserError("--json: cannot be combined with -b, -B, -L or --diff");
    }
    if (diff && lineMode) {
      throw new UserError("--diff: cannot be combined with -L");
    }
    if (json) {
      return Mode.JSON;
    }
    if (diff) {
      return Mode.DIFF;
    }
    if (lineMode) {
      return Mode.LINES;
    }
    return gather || gatherAll ? Mode.GATHER : Mode.STREAM;
  }

  /** The commands: the words after the options, {@code -c} options, or the commands file. */
  private List<String> commandLines(CliContext context) {
    List<String> lines = new ArrayList<>();
    if (!words.isEmpty()) {
      lines.add(String.join(" ", words));
    }
    lines.addAll(commands);
    if (commandsFile != null) {
      String text;
      try {
        text = TextFile.read(context.resolve(commandsFile.toString()), "commands file", 1L << 20);
      } catch (TextFile.Unreadable e) {
        throw new UserError("--commands-file " + commandsFile + ": " + e.getMessage());
      }
      for (String line : text.lines().toList()) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          lines.add(trimmed);
        }
      }
    }
    if (lines.isEmpty()) {
      throw new UserError("no command: give it after the options, with -c CMD, or --commands-file");
    }
    if (lines.stream().anyMatch(String::isBlank)) {
      throw new UserError("empty command");
    }
    return lines;
  }
}
