package org.herd.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds host results for table tests. */
final class Results {

  private Results() {}

  /** A host that exited with {@code code} and printed {@code stdout} (lines separated by \n). */
  static HostResult exited(String host, int code, String stdout) {
    return exited(host, code, stdout, "");
  }

  static HostResult exited(String host, int code, String stdout, String stderr) {
    HostOutcome outcome = code == 0 ? new HostOutcome.Ok() : new HostOutcome.Failed(code);
    return new HostResult(host, outcome, lines(stdout, stderr), false, Duration.ofMillis(5));
  }

  static HostResult ended(String host, HostOutcome outcome) {
    return HostResult.withoutOutput(host, outcome, Duration.ZERO);
  }

  static HostResult ended(String host, HostOutcome outcome, String stdout) {
    return new HostResult(host, outcome, lines(stdout, ""), false, Duration.ZERO);
  }

  private static List<OutputLine> lines(String stdout, String stderr) {
    List<OutputLine> lines = new ArrayList<>();
    if (!stdout.isEmpty()) {
      for (String line : stdout.split("\n", -1)) {
        lines.add(OutputLine.of(StreamKind.STDOUT, line));
      }
    }
    if (!stderr.isEmpty()) {
      for (String line : stderr.split("\n", -1)) {
        lines.add(OutputLine.of(StreamKind.STDERR, line));
      }
    }
    return lines;
  }
}
