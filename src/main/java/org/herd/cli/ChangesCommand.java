package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.herd.debian.ChangelogEntry;
import org.herd.debian.InvalidSyntaxException;
import org.herd.debian.PackageName;
import org.herd.debian.Urgency;
import org.herd.facts.ChangeBlock;
import org.herd.facts.ChangelogSource;
import org.herd.facts.ChangesReport;
import org.herd.facts.FleetChanges;
import org.herd.fleet.FanOutSettings;
import org.herd.nodeset.NodeSet;
import org.herd.transport.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd changes [NODES] [PACKAGE...]}: what the pending upgrades bring, from the Debian
 * changelogs of the candidates, with urgency and CVE identifiers, one block per distinct upgrade
 * however many hosts share it. See {@code docs/status.md}.
 */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "Show the Debian changelog entries that the pending upgrades bring.",
      "Hosts with the same upgrade share one block; CVE ids and urgency are extracted."
    },
    footer = {
      "",
      "Exit status: 0 when every host answered, 1 when some did not, 2 for bad input,"
          + " 130 on Ctrl-C."
    })
final class ChangesCommand implements Callable<Integer> {

  /** apt-get changelog and download are bounded by the script; this catches a hung host. */
  private static final Duration HOST_LIMIT = Duration.ofMinutes(30);

  @Spec CommandSpec spec;

  @Mixin ConnectOptions connect;

  @Parameters(
      index = "0",
      paramLabel = "NODES",
      arity = "0..1",
      description = "The hosts, as a node set; default: every host ('@*').")
  String nodes;

  @Parameters(
      index = "1..*",
      paramLabel = "PACKAGE",
      arity = "0..*",
      description = "Only these packages (default: every pending upgrade).")
  List<String> packages = new ArrayList<>();

  @Option(names = "--json", description = "Print the blocks as JSON.")
  boolean json;

  @Mixin FanoutOption fanoutOption = new FanoutOption();

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    int fanout = fanoutOption.value();
    Set<String> only = new LinkedHashSet<>();
    for (String p : packages) {
      try {
        only.add(PackageName.parse(p).name());
      } catch (InvalidSyntaxException e) {
        throw new UserError("PACKAGE: " + e.getMessage());
      }
    }
    NodeSelection selection = new NodeSelection();
    if (nodes == null) {
      selection.all = true;
    } else {
      selection.nodes.add(nodes);
    }
    FleetTargets targets = FleetTargets.resolve(spec, selection, connect);
    FanOutSettings settings =
        FanOutSettings.defaults().withFanout(fanout).withCommandTimeout(HOST_LIMIT);
    ChangesReport report;
    try (Transport transport = connect.transport(context, targets.kinds());
        InterruptHook hook = InterruptHook.install()) {
      FleetChanges changes = new FleetChanges(transport, settings, context.clock());
      hook.onInterrupt(changes::interrupt);
      List<LiveDisplay> displays = new ArrayList<>();
      report =
          changes.changes(
              targets.endpoints(),
              only,
              hosts -> {
                displays.forEach(LiveDisplay::clear);
                LiveDisplay display = LiveDisplay.progressOnly(context, hosts);
                displays.add(display);
                return display;
              });
      displays.forEach(LiveDisplay::clear);
      if (report.interrupted()) {
        print(context, report);
        context
            .err()
            .println(
                "herd: interrupted: "
                    + NodeSet.of(report.incomplete()).fold()
                    + " did not complete");
        context.out().flush();
        context.err().flush();
        return ExitCode.INTERRUPTED.code();
      }
      print(context, report);
      context.out().flush();
      context.err().flush();
    }
    return report.problems().isEmpty() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
  }

  private void print(CliContext context, ChangesReport report) throws Exception {
    if (json) {
      printJson(context.out(), report);
    } else {
      printText(context, report);
    }
  }

  private static void printText(CliContext context, ChangesReport report) {
    PrintWriter out = context.out();
    Terminal terminal = context.terminal();
    boolean first = true;
    for (ChangeBlock b : report.blocks()) {
      if (!first) {
        out.println();
      }
      first = false;
      StringBuilder head =
          new StringBuilder()
              .append(b.pkg())
              .append(' ')
              .append(b.installed())
              .append(" -> ")
              .append(b.candidate());
      if (b.security()) {
        head.append(" [security]");
      }
      head.append(" on ")
          .append(b.hosts().fold())
          .append(" (")
          .append(b.hosts().size())
          .append(')');
      out.println(terminal.paint("1", head.toString()));
      List<String> facts = new ArrayList<>();
      if (b.urgency() != Urgency.UNKNOWN) {
        facts.add("urgency " + b.urgency());
      }
      if (!b.cves().isEmpty()) {
        facts.add(String.join(" ", b.cves()));
      }
      if (b.source() != ChangelogSource.NONE) {
        facts.add(
            (b.source() == ChangelogSource.APT ? "apt-get changelog" : "the .deb")
                + " on "
                + b.fetchedOn());
      }
      if (!facts.isEmpty()) {
        out.println("  " + String.join("; ", facts));
      }
      if (b.problem() != null) {
        out.println(terminal.paint("31", "  no changelog: " + b.problem()));
        continue;
      }
      if (b.entries().isEmpty()) {
        out.println("  (no changelog entry between these versions)");
      }
      for (ChangelogEntry e : b.entries()) {
        out.println();
        out.println(
            "  "
                + e.source()
                + " ("
                + e.version()
                + ") "
                + String.join(" ", e.distributions())
                + "; urgency="
                + e.urgency());
        out.println();
        e.changes().forEach(line -> out.println(line.isEmpty() ? "" : "  " + line));
        if (!e.maintainer().isEmpty()) {
          out.println();
          out.println("   -- " + e.maintainer() + "  " + e.date());
        }
      }
      if (!b.complete()) {
        out.println(
            terminal.paint(
                "33",
                "  warning: the changelog does not reach "
                    + b.installed()
                    + ": older entries may be missing"));
      }
    }
    for (ChangesReport.Problem p : report.problems()) {
      out.println(terminal.paint("31", "failed: " + p.hosts().fold() + " (" + p.reason() + ")"));
    }
    if (report.blocks().isEmpty() && report.problems().isEmpty()) {
      out.println("no pending upgrades");
    }
  }

  private static void printJson(PrintWriter out, ChangesReport report) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode changes = root.putArray("changes");
    for (ChangeBlock b : report.blocks()) {
      ObjectNode node = changes.addObject();
      node.put("package", b.pkg().toString());
      node.put("installed", b.installed().toString());
      node.put("candidate", b.candidate().toString());
      node.put("security", b.security());
      node.put("hosts", b.hosts().fold());
      node.put("count", b.hosts().size());
      node.put("source", b.source().name().toLowerCase(java.util.Locale.ROOT));
      node.put("fetchedOn", b.fetchedOn());
      node.put("complete", b.complete());
      node.put("urgency", b.urgency().toString());
      ArrayNode cves = node.putArray("cves");
      b.cves().forEach(cves::add);
      if (b.problem() != null) {
        node.put("problem", b.problem());
      }
      ArrayNode entries = node.putArray("entries");
      for (ChangelogEntry e : b.entries()) {
        ObjectNode entry = entries.addObject();
        entry.put("source", e.source());
        entry.put("version", e.version().toString());
        ArrayNode dists = entry.putArray("distributions");
        e.distributions().forEach(dists::add);
        entry.put("urgency", e.urgency().toString());
        ArrayNode ids = entry.putArray("cves");
        e.cves().forEach(ids::add);
        entry.put("changes", String.join("\n", e.changes()));
        entry.put("maintainer", e.maintainer());
        entry.put("date", e.date());
      }
    }
    ArrayNode problems = root.putArray("problems");
    for (ChangesReport.Problem p : report.problems()) {
      problems.addObject().put("hosts", p.hosts().fold()).put("reason", p.reason());
    }
    if (report.interrupted()) {
      root.put("interrupted", NodeSet.of(report.incomplete()).fold());
    }
    out.println(mapper.writeValueAsString(root));
  }
}
