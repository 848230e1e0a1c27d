package org.herd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * The restarts dpkg asked for that herd has not performed, kept on the host in {@value #PATH} (one
 * {@code UNIT<TAB>after-run|never<TAB>RUN} per line) so that they outlive the guard and its spool:
 * {@code after-run} ones are performed once every host of the run finished, or at the next {@code
 * herd apply} on the host; {@code never} ones stay until an operator restarts the unit (a later run
 * that restarts it clears them). {@code herd status} reads the file (probe section {@code
 * herd-guard}).
 */
public final class PendingRestarts {

  /** Where the host keeps them. */
  public static final String PATH = "/var/lib/herd/pending-restarts";

  /** How step output and {@code herd show} name a restart left pending. */
  public static final String OUTPUT_PREFIX = "pending ";

  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private static final String WRITE =
      "mkdir -p \"${1%/*}\" && if [ -z \"$2\" ]; then rm -f \"$1\";"
          + " else printf '%s' \"$2\" > \"$1.tmp\" && mv -f \"$1.tmp\" \"$1\"; fi";

  /** One restart left pending. */
  public record Entry(String unit, RestartWhen when, String run) {
    public Entry {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(run, "run");
    }

    /** As step output says it: {@code pending (never): nginx.service}. */
    public String describe() {
      return OUTPUT_PREFIX + "(" + when.word() + "): " + unit;
    }
  }

  private PendingRestarts() {}

  /** Reads the file's text; lines that are not entries are ignored. */
  public static List<Entry> parse(String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String line : text.lines().toList()) {
      String[] fields = line.split("\t");
      if (fields.length != 3 || fields[0].isBlank()) {
        continue;
      }
      try {
        entries.put(fields[0], new Entry(fields[0], RestartWhen.parse(fields[1]), fields[2]));
      } catch (IllegalArgumentException e) {
        // Not ours to judge: a line herd did not write.
      }
    }
    return List.copyOf(entries.values());
  }

  /** The file's text for these entries. */
  public static String format(List<Entry> entries) {
    StringBuilder text = new StringBuilder();
    for (Entry entry : entries) {
      text.append(entry.unit())
          .append('\t')
          .append(entry.when().word())
          .append('\t')
          .append(entry.run())
          .append('\n');
    }
    return text.toString();
  }

  /** The host's pending restarts. */
  public static List<Entry> read(Session session) throws TransportException, InterruptedException {
    CommandResult result =
        session.run(
            RemoteCommand.shell("cat " + RemoteCommand.quote(PATH) + " 2>/dev/null || :"),
            ExecOptions.defaults().withTimeout(TIMEOUT));
    return parse(result.stdoutText());
  }

  /** Replaces the host's pending restarts (none: the file goes). */
  public static void write(Session session, List<Entry> entries)
      throws EngineException, TransportException, InterruptedException {
    CommandResult result =
        session.run(
            RemoteCommand.of("/bin/sh", "-c", WRITE, "herd-pending", PATH, format(entries)),
            ExecOptions.defaults().withTimeout(TIMEOUT));
    if (!result.ok()) {
      throw new EngineException(
          session.endpoint().name(),
          "cannot record pending restarts in " + PATH + ": " + result.stderrText().strip());
    }
  }

  /** {@code entries} without those of {@code units}. */
  public static List<Entry> without(List<Entry> entries, List<String> units) {
    List<Entry> kept = new ArrayList<>();
    for (Entry entry : entries) {
      if (!units.contains(entry.unit())) {
        kept.add(entry);
      }
    }
    return kept;
  }
}
