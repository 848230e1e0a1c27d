package org.herd.fleet;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.nodeset.NodeSet;

/**
 * Prints fleet results the way ClusterShell's clush does, so that its users read herd's output
 * without thinking: live {@code host: line}, gathered blocks ({@code -b}), line mode sorted by host
 * ({@code -L}), a unified diff against the most common output ({@code --diff}), and folded error
 * lines at the end ({@code herd: n[4-6]: connection refused}).
 *
 * <p>Not thread-safe: callers serialize output, as the CLI's progress line requires anyway.
 */
public final class TextReport {

  /** The separator line of gathered blocks, as clush draws it. */
  static final String SEPARATOR = "-".repeat(15);

  private final PrintWriter out;
  private final PrintWriter err;
  private final Palette palette;
  private final boolean label;

  /**
   * A report writing to {@code out} and {@code err}.
   *
   * @param label whether lines carry their host and blocks their header ({@code -N} turns it off)
   */
  public TextReport(PrintWriter out, PrintWriter err, Palette palette, boolean label) {
    this.out = Objects.requireNonNull(out);
    this.err = Objects.requireNonNull(err);
    this.palette = Objects.requireNonNull(palette);
    this.label = label;
  }

  /** One live line: stdout lines go to standard output, stderr lines to standard error. */
  public void line(String host, OutputLine line) {
    boolean stderr = line.stream() == StreamKind.STDERR;
    PrintWriter target = stderr ? err : out;
    if (label) {
      target.print(
          palette.paint(stderr ? Palette.Role.STDERR_LABEL : Palette.Role.LABEL, host + ": "));
    }
    target.println(line.text());
  }

  /** Gathered blocks ({@code -b}), each headed by its folded node set unless labels are off. */
  public void gathered(List<OutputGroup> groups) {
    for (OutputGroup group : groups) {
      if (label) {
        out.println(palette.paint(Palette.Role.LABEL, SEPARATOR));
        out.println(palette.paint(Palette.Role.LABEL, group.label()));
        out.println(palette.paint(Palette.Role.LABEL, SEPARATOR));
      }
      for (OutputLine line : group.lines()) {
        out.println(line.text());
      }
    }
  }

  /** Every line of every host, sorted by exit code then host ({@code -L}). */
  public void sortedLines(Collection<HostResult> results, boolean withStderr) {
    for (HostResult result : Gathering.byExitCodeThenHost(results)) {
      for (OutputLine line : result.shown(withStderr)) {
        if (label) {
          out.print(palette.paint(Palette.Role.LABEL, result.host() + ": "));
        }
        out.println(line.text());
      }
    }
  }

  /**
   * A unified diff of every block against the most common one ({@code --diff}); prints nothing when
   * all hosts agree.
   *
   * @param groups blocks from {@link Gathering#gather} with empty outputs kept
   */
  public void diff(List<OutputGroup> groups) {
    if (groups.size() < 2) {
      return;
    }
    OutputGroup reference = mostCommon(groups);
    List<String> referenceLines = texts(reference);
    for (OutputGroup group : groups) {
      if (group == reference) {
        continue;
      }
      for (String line :
          UnifiedDiff.diff(reference.label(), referenceLines, group.label(), texts(group))) {
        out.println(palette.paint(diffRole(line), line));
      }
    }
  }

  /** The largest block; among equals the first in clush's order (lowest exit code first). */
  static OutputGroup mostCommon(List<OutputGroup> groups) {
    OutputGroup best = groups.get(0);
    for (OutputGroup group : groups) {
      if (group.hosts().size() > best.hosts().size()) {
        best = group;
      }
    }
    return best;
  }

  private static List<String> texts(OutputGroup group) {
    return group.lines().stream().map(OutputLine::text).toList();
  }

  private static Palette.Role diffRole(String line) {
    if (line.startsWith("---") || line.startsWith("+++")) {
      return Palette.Role.DIFF_HEADER;
    }
    if (line.startsWith("@@")) {
      return Palette.Role.DIFF_HUNK;
    }
    if (line.startsWith("+")) {
      return Palette.Role.DIFF_ADD;
    }
    if (line.startsWith("-")) {
      return Palette.Role.DIFF_DELETE;
    }
    return Palette.Role.LABEL;
  }

  /**
   * The folded error lines for hosts that did not succeed, on standard error: {@code herd:
   * n[10-11]: exited with exit code 1}, {@code herd: n[4-6]: connection refused}. Ordered by exit
   * code, then by reason. Hosts stopped by Ctrl-C are left to the caller, which reports the
   * interruption as a whole.
   *
   * @param quiet leave out hosts whose command merely exited non-zero ({@code -q})
   */
  public void failures(Collection<HostResult> results, boolean quiet) {
    for (String line : failureLines(results, quiet)) {
      err.println(palette.paint(Palette.Role.ERROR, line));
    }
  }

  /**
   * The lines {@link #failures} prints, without colour. A refusal (host key, authentication, sudo)
   * is followed by the long explanation of its first host, which says what to do.
   */
  public static List<String> failureLines(Collection<HostResult> results, boolean quiet) {
    record Reason(int exitCode, String text) {}
    Map<Reason, List<HostResult>> byReason = new LinkedHashMap<>();
    for (HostResult result : results) {
      HostOutcome outcome = result.outcome();
      if (outcome instanceof HostOutcome.Ok
          || outcome instanceof HostOutcome.Interrupted
          || (quiet && outcome instanceof HostOutcome.Failed)) {
        continue;
      }
      byReason
          .computeIfAbsent(
              new Reason(outcome.exitCode(), outcome.describe()), k -> new ArrayList<>())
          .add(result);
    }
    List<Reason> reasons = new ArrayList<>(byReason.keySet());
    reasons.sort(Comparator.comparingInt(Reason::exitCode).thenComparing(Reason::text));
    List<String> lines = new ArrayList<>();
    for (Reason reason : reasons) {
      List<HostResult> hosts = byReason.get(reason);
      lines.add(
          "herd: "
              + NodeSet.of(hosts.stream().map(HostResult::host).toList()).fold()
              + ": "
              + reason.text());
      HostResult first = hosts.get(0);
      if (first.outcome() instanceof HostOutcome.Refused refused && refused.detail() != null) {
        String others = hosts.size() > 1 ? " (and " + (hosts.size() - 1) + " more)" : "";
        lines.add("herd: " + first.host() + ": " + refused.detail() + others);
      }
    }
    return lines;
  }
}
