package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.herd.engine.sim.Fleet;
import org.herd.engine.sim.FleetReader;
import org.herd.engine.sim.SimulationReport;
import org.herd.engine.sim.Simulator;
import org.herd.text.TextFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd simulate FLEET.yaml}: runs a simulated fleet through the real planner, scheduler and
 * step sequence in virtual time, and reports the makespan against the critical-path lower bound
 * (docs/simulate.md).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate a rollout of a fleet file in virtual time: makespan, lower bound, per-cluster"
          + " timelines and the most members each cluster had out at once."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FLEET.yaml",
      converter = PathConverter.Name.class,
      description = "The fleet file (docs/simulate.md).")
  String file;

  @Option(names = "--json", description = "Print the whole report as JSON.")
  boolean json;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of the jitter (default: the file's seed, else 1).")
  Long seed;

  @Option(
      names = "--strategy",
      paramLabel = "herd|ansible-serial",
      description =
          "herd's scheduler (default), or Ansible's global serial batches play after play.")
  String strategy = "herd";

  @Override
  public Integer call() throws IOException {
    CliContext context = CliContext.of(spec);
    Path path = context.resolve(file);
    String text;
    try {
      text = TextFile.read(path, "fleet file", 16L << 20);
    } catch (TextFile.Unreadable e) {
      throw new UserError("simulate: " + file + ": " + e.getMessage());
    }
    Fleet fleet = FleetReader.read(file, text);
    long chosen = seed != null ? seed : fleet.seed();
    SimulationReport report =
        switch (strategy) {
          case "herd" -> Simulator.herd(fleet, chosen);
          case "ansible-serial" -> Simulator.ansibleSerial(fleet, chosen);
          default ->
              throw new UserError(
                  "simulate: --strategy '" + strategy + "': expected herd or ansible-serial");
        };
    PrintWriter out = context.out();
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(asJson(report)));
    } else {
      print(out, report, context.terminal());
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> asJson(SimulationReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("strategy", report.strategy());
    json.put("seed", report.seed());
    json.put("hosts", report.planned());
    json.put("downloadSeconds", report.downloadMillis() / 1000.0);
    json.put("makespanSeconds", report.makespanMillis() / 1000.0);
    json.put("lowerBoundSeconds", report.lowerBoundMillis() / 1000.0);
    json.put("ratio", Math.round(report.ratio() * 1000) / 1000.0);
    json.put("pauses", report.pauses());
    json.put("clusters", report.clusters());
    json.put("notStarted", report.notStarted());
    json.put("timeline", report.hosts());
    return json;
  }

  private static void print(PrintWriter out, SimulationReport report, Terminal terminal) {
    out.printf(
        "strategy %s: %d hosts, makespan %s, lower bound %s, ratio %.3f%n",
        report.strategy(),
        report.planned(),
        clock(report.makespanMillis()),
        clock(report.lowerBoundMillis()),
        report.ratio());
    if (report.downloadMillis() > 0) {
      out.printf(
          "downloads (all hosts, before any disruption): %s%n", clock(report.downloadMillis()));
    }
    TextTable table =
        new TextTable(
            "group",
            "kind",
            "hosts",
            "budget",
            "max out",
            "from",
            "to",
            "done",
            "failed",
            "not started");
    for (SimulationReport.GroupTimeline group : report.clusters()) {
      table.row(
          group.name(),
          group.kind(),
          Integer.toString(group.size()),
          Integer.toString(group.allowed()),
          Integer.toString(group.maxOut()),
          group.firstStart() < 0 ? "-" : clock(group.firstStart()),
          group.lastEnd() < 0 ? "-" : clock(group.lastEnd()),
          Integer.toString(group.done()),
          Integer.toString(group.failed()),
          Integer.toString(group.notStarted()));
    }
    out.print(table.render(terminal));
    report.notStarted().forEach((host, why) -> out.printf("not started: %s: %s%n", host, why));
    if (report.pauses() > 0) {
      out.printf(
          "paused %d time(s) for the operator after canaries (resumed at once)%n", report.pauses());
    }
  }

  /** Virtual time as H:MM:SS. */
  static String clock(long millis) {
    long seconds = millis / 1000;
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
