package org.herd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.herd.fleet.FanOut;
import org.herd.fleet.FanOutSettings;
import org.herd.fleet.FleetResult;
import org.herd.fleet.FleetRun;
import org.herd.fleet.HostAction;
import org.herd.fleet.JsonReport;
import org.herd.fleet.TextReport;
import org.herd.nodeset.NodeSet;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd copy}: files or directories to many hosts, or back from them with {@code --rcopy}, as
 * {@code clush --copy/--rcopy} does. Fetched copies are named {@code NAME.HOST}.
 */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description = {
      "Copy files or directories to many hosts, or fetch them back with --rcopy.",
      "Like clush --copy: with --rcopy each host's copy is saved as DEST/NAME.HOST."
    },
    footer = {"", "Exit status: 0 when every host succeeded, 1 when one did not, 130 on Ctrl-C."})
final class CopyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NodeSelection selection;

  @Mixin ConnectOptions connect;

  @Option(
      names = "--dest",
      converter = PathConverter.Name.class,
      paramLabel = "DIR",
      description =
          "Where copies go: a directory on the hosts (or, with --rcopy, here). Default: the"
              + " directory of the first source, as clush does.")
  String dest;

  @Option(names = "--rcopy", description = "Fetch SRC from every host into DEST, as SRC-NAME.HOST.")
  boolean rcopy;

  @Option(
      names = {"-p", "--preserve"},
      description = "Keep modification times and modes.")
  boolean preserve;

  @Mixin FanoutOption fanoutOption = new FanoutOption();

  @Option(names = "--json", description = "Print the result of every host as JSON.")
  boolean json;

  @Parameters(
      paramLabel = "SRC",
      converter = PathConverter.Name.class,
      arity = "1..*",
      description = "Files or directories.")
  List<String> sources = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    CliContext context = CliContext.of(spec);
    int fanout = fanoutOption.value();
    HostAction action = rcopy ? fetch(context) : send(context);
    FleetTargets targets = FleetTargets.resolve(spec, selection, connect);
    FanOutSettings settings = FanOutSettings.defaults().withFanout(fanout);
    TextReport report =
        new TextReport(context.out(), context.err(), new TerminalPalette(context.terminal()), true);
    FleetResult result;
    try (Transport transport = connect.transport(context, targets.kinds());
        InterruptHook hook = InterruptHook.install()) {
      FanOut fanOut = new FanOut(transport, settings, context.clock());
      LiveDisplay display =
          new LiveDisplay(
              report,
              context.out(),
              context.err(),
              false,
              false,
              context.terminal().interactive(),
              context.clock(),
              targets.endpoints().size());
      FleetRun run = fanOut.start(targets.endpoints(), action, display);
      hook.onInterrupt(run::interrupt);
      result = run.await();
      display.clear();
      if (json) {
        JsonReport.write(context.out(), action.description(), result);
      } else {
        report.failures(result.results(), false);
      }
      if (result.interrupted()) {
        context
            .err()
            .println(
                "herd: interrupted: "
                    + NodeSet.of(result.incomplete()).fold()
                    + " did not complete");
      }
      context.out().flush();
      context.err().flush();
    }
    if (result.interrupted()) {
      return ExitCode.INTERRUPTED.code();
    }
    return result.allOk() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
  }

  /** Sends every source to every host. */
  private HostAction send(CliContext context) {
    List<Path> locals = new ArrayList<>();
    for (String source : sources) {
      Path path = context.resolve(source);
      if (!Files.exists(path)) {
        throw new UserError(source + ": no such file or directory");
      }
      locals.add(path);
    }
    String target = dest != null ? dest : locals.get(0).toAbsolutePath().getParent().toString();
    return HostAction.task(
        "copy " + String.join(" ", sources) + " to " + target,
        session -> {
          for (Path local : locals) {
            session.upload(local, target, preserve);
          }
        });
  }

  /** Fetches every source from every host, each into {@code DEST/NAME.HOST}. */
  private HostAction fetch(CliContext context) {
    Path target =
        dest != null
            ? context.resolve(dest)
            : context.resolve(sources.get(0)).toAbsolutePath().getParent();
    if (!Files.isDirectory(target)) {
      throw new UserError("--dest " + target + ": not a directory");
    }
    return HostAction.task(
        "rcopy " + String.join(" ", sources) + " to " + target,
        session -> {
          for (String source : sources) {
            download(session, source, target);
          }
        });
  }

  private void download(Session session, String source, Path target)
      throws TransportException, InterruptedException {
    String trimmed = source.replaceAll("/+$", "");
    String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (name.isEmpty()) {
      name = "root";
    }
    session.download(source, target.resolve(name + "." + session.endpoint().name()), preserve);
  }
}
