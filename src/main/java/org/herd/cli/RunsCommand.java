package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.herd.journal.Journal;
import org.herd.journal.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herd runs}: the runs in the journal, newest first. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List the runs in the journal, newest first.")
final class RunsCommand implements Callable<Integer> {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Mixin JournalOption journalOption;

  @Option(names = "--json", description = "Print the runs as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    List<RunSummary> runs;
    try (Journal journal = journalOption.open(context)) {
      runs = journal.runs();
    }
    if (json) {
      ArrayNode array = new ObjectMapper().createArrayNode();
      runs.forEach(run -> array.add(json(run)));
      context.out().println(array);
    } else if (runs.isEmpty()) {
      context.out().println("no runs yet (start one with 'herd apply PLAN' or 'herd upgrade')");
    } else {
      TextTable table =
          new TextTable("RUN", "STATE", "STARTED", "BY", "HOSTS", "FAILED", "UNREACH", "COMMAND");
      for (RunSummary run : runs) {
        table.row(
            run.id().value(),
            run.state().name().toLowerCase(java.util.Locale.ROOT),
            TIME.format(run.startedAt()),
            run.startedBy(),
            String.valueOf(run.hosts()),
            String.valueOf(run.failedHosts()),
            String.valueOf(run.unreachableHosts()),
            run.command());
      }
      context.out().print(table.render(context.terminal()));
    }
    context.out().flush();
    return ExitCode.OK.code();
  }

  static ObjectNode json(RunSummary run) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("id", run.id().value());
    node.put("state", run.state().name().toLowerCase(java.util.Locale.ROOT));
    node.put("command", run.command());
    node.put("startedBy", run.startedBy());
    node.put("startedAt", run.startedAt().toString());
    run.finishedAt()
        .ifPresentOrElse(
            t -> node.put("finishedAt", t.toString()), () -> node.putNull("finishedAt"));
    node.put("hosts", run.hosts());
    node.put("failedHosts", run.failedHosts());
    node.put("unreachableHosts", run.unreachableHosts());
    return node;
  }
}
