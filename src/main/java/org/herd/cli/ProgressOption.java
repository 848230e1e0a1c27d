package org.herd.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} of the commands that execute runs: one JSON event per line instead of progress.
 */
final class ProgressOption {

  @Option(
      names = "--json",
      description = "Print one JSON event per line on stdout instead of progress.")
  boolean json;

  /** JSON when asked, a live display on a terminal, else one line per event. */
  RunProgress.Form form(CliContext context) {
    if (json) {
      return RunProgress.Form.JSON;
    }
    return context.terminal().interactive() ? RunProgress.Form.TERMINAL : RunProgress.Form.LINES;
  }
}
