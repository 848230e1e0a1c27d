package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.herd.engine.HostTimeline;
import org.herd.engine.PendingRestarts;
import org.herd.engine.UpgradeStep;
import org.herd.journal.Journal;
import org.herd.journal.RunSpec;
import org.herd.journal.RunSummary;
import org.herd.journal.StepOutcome;
import org.herd.journal.StepRecord;
import org.herd.journal.VersionChange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herd show RUN}: one run from the journal — a row per host with the latest attempt of each
 * step, then each failure with the tail of its output, then the packages the run changed.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a run: each host's steps, failures with their output, packages changed.")
final class ShowCommand implements Callable<Integer> {

  private static final int FAILURE_TAIL_LINES = 15;

  @Spec CommandSpec spec;

  @Mixin JournalOption journalOption;

  @Parameters(paramLabel = "RUN", description = "The run's id (see 'herd runs').")
  String runId;

  @Option(names = "--json", description = "Print the run, its steps and versions as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    try (Journal journal = journalOption.open(context)) {
      RunSummary run = JournalOption.run(journal, runId);
      List<String> hosts = journal.spec(run.id()).map(RunSpec::hosts).orElse(List.of());
      List<StepRecord> steps = journal.steps(run.id());
      List<VersionChange> versions = journal.versions(run.id());
      if (json) {
        printJson(context, run, steps, versions);
      } else {
        printText(context, run, hosts, steps, versions);
      }
    }
    context.out().flush();
    return ExitCode.OK.code();
  }

  private static void printText(
      CliContext context,
      RunSummary run,
      List<String> hosts,
      List<StepRecord> steps,
      List<VersionChange> versions) {
    var out = context.out();
    out.printf(
        "run %s: %s, %s by %s, started %s%s%n",
        run.id(),
        run.state().name().toLowerCase(Locale.ROOT),
        run.command(),
        run.startedBy(),
        RunsCommand.TIME.format(run.startedAt()),
        run.finishedAt().map(t -> ", ended " + RunsCommand.TIME.format(t)).orElse(""));
    Map<String, Map<String, StepRecord>> latest = latestByHost(steps);
    List<String> headers = new ArrayList<>(List.of("HOST"));
    for (UpgradeStep step : UpgradeStep.values()) {
      headers.add(step.journalName().toUpperCase(Locale.ROOT));
    }
    headers.add("TIME");
    TextTable table = new TextTable(headers.toArray(String[]::new));
    for (String host : hosts) {
      Map<String, StepRecord> byStep = latest.getOrDefault(host, Map.of());
      List<String> cells = new ArrayList<>(List.of(host));
      Duration total = Duration.ZERO;
      for (UpgradeStep step : UpgradeStep.values()) {
        StepRecord record = byStep.get(step.journalName());
        cells.add(record == null ? "-" : cell(record));
        if (record != null && record.finishedAt().isPresent()) {
          total = total.plus(Duration.between(record.startedAt(), record.finishedAt().get()));
        }
      }
      cells.add(seconds(total));
      table.row(cells.toArray(String[]::new));
    }
    out.print(table.render(context.terminal()));
    printTimes(context, hosts, steps);
    for (StepRecord record : steps) {
      if (latest.get(record.host()).get(record.step()) == record
          && record.outcome().map(o -> o.failure() || o == StepOutcome.UNREACHABLE).orElse(false)) {
        out.printf(
            "%n%s: %s %s (attempt %d):%n",
            record.host(),
            record.step(),
            record.outcome().orElseThrow().name().toLowerCase(Locale.ROOT),
            record.attempt());
        for (String line : tail(record.output())) {
          out.println("  " + line);
        }
      }
    }
    List<String> pending = new ArrayList<>();
    for (StepRecord record : steps) {
      if (record.step().equals("restart") && latest.get(record.host()).get("restart") == record) {
        record
            .output()
            .lines()
            .filter(line -> line.startsWith(PendingRestarts.OUTPUT_PREFIX))
            .forEach(line -> pending.add(record.host() + ": " + line));
      }
    }
    if (!pending.isEmpty()) {
      out.printf(
          "%nrestarts deferred by the restart policy (after-run ones are done when the run ends;"
              + " herd status shows what is still pending):%n");
      pending.forEach(line -> out.println("  " + line));
    }
    List<VersionChange> changed = versions.stream().filter(VersionChange::changed).toList();
    if (!changed.isEmpty()) {
      out.printf("%npackages changed:%n");
      for (VersionChange change : changed) {
        out.printf(
            "  %s: %s %s -> %s%n",
            change.host(),
            change.packageName(),
            change.before().orElse("(new)"),
            change.after().orElse("(removed)"));
      }
    }
  }

  /**
   * Where each host's time went: seconds in each step (all attempts), waiting between steps (its
   * turn, a gate, the other hosts' downloads), out of service (drain to undrain) and in all.
   */
  private static void printTimes(CliContext context, List<String> hosts, List<StepRecord> steps) {
    Map<String, List<StepRecord>> byHost = new LinkedHashMap<>();
    steps.forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
    List<String> headers = new ArrayList<>(List.of("HOST"));
    for (UpgradeStep step : UpgradeStep.values()) {
      headers.add(step.journalName().toUpperCase(Locale.ROOT));
    }
    headers.addAll(List.of("WAITED", "OUT", "TOTAL"));
    TextTable table = new TextTable(headers.toArray(String[]::new));
    for (String host : hosts) {
      if (!byHost.containsKey(host)) {
        continue;
      }
      HostTimeline timeline = HostTimeline.of(byHost.get(host), context.clock().instant());
      List<String> cells = new ArrayList<>(List.of(host));
      for (UpgradeStep step : UpgradeStep.values()) {
        Duration spent = timeline.steps().get(step);
        cells.add(spent == null ? "-" : decimal(spent));
      }
      cells.add(decimal(timeline.waited()));
      cells.add(timeline.outOfService().map(ShowCommand::decimal).orElse("-"));
      cells.add(decimal(timeline.total()));
      table.row(cells.toArray(String[]::new));
    }
    if (byHost.isEmpty()) {
      return;
    }
    context
        .out()
        .printf("%nwhere the time went (seconds; WAITED: between steps, OUT: drain to undrain):%n");
    context.out().print(table.render(context.terminal()));
  }

  private static String decimal(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }

  private static Map<String, Map<String, StepRecord>> latestByHost(List<StepRecord> steps) {
    Map<String, Map<String, StepRecord>> latest = new LinkedHashMap<>();
    for (StepRecord record : steps) {
      latest
          .computeIfAbsent(record.host(), h -> new LinkedHashMap<>())
          .merge(record.step(), record, (a, b) -> b.attempt() >= a.attempt() ? b : a);
    }
    return latest;
  }

  private static String cell(StepRecord record) {
    if (record.outcome().isEmpty()) {
      return "running";
    }
    String word =
        switch (record.outcome().get()) {
          case OK -> "ok";
          case CHANGED -> "changed";
          case FAILED -> "FAILED";
          case UNREACHABLE -> "unreach";
          case SKIPPED -> "skip";
          case TIMED_OUT -> "TIMEOUT";
          case INTERRUPTED -> "cut";
        };
    return record.attempt() > 1 ? word + "#" + record.attempt() : word;
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + "s";
  }

  private static List<String> tail(String output) {
    List<String> lines = output.strip().lines().toList();
    return lines.subList(Math.max(0, lines.size() - FAILURE_TAIL_LINES), lines.size());
  }

  private static void printJson(
      CliContext context, RunSummary run, List<StepRecord> steps, List<VersionChange> versions) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = RunsCommand.json(run);
    ArrayNode stepArray = root.putArray("steps");
    for (StepRecord record : steps) {
      ObjectNode node = stepArray.addObject();
      node.put("host", record.host());
      node.put("step", record.step());
      node.put("attempt", record.attempt());
      node.put("startedAt", record.startedAt().toString());
      record
          .finishedAt()
          .ifPresentOrElse(
              t -> node.put("finishedAt", t.toString()), () -> node.putNull("finishedAt"));
      record
          .outcome()
          .ifPresentOrElse(
              o -> node.put("outcome", o.name().toLowerCase(Locale.ROOT)),
              () -> node.putNull("outcome"));
      node.put("output", record.output());
    }
    ArrayNode versionArray = root.putArray("versions");
    for (VersionChange change : versions) {
      ObjectNode node = versionArray.addObject();
      node.put("host", change.host());
      node.put("package", change.packageName());
      change.before().ifPresentOrElse(v -> node.put("before", v), () -> node.putNull("before"));
      change.after().ifPresentOrElse(v -> node.put("after", v), () -> node.putNull("after"));
    }
    context.out().println(mapper.valueToTree(root).toString());
  }
}
