package org.herd.cli;

import org.herd.engine.ExecutionOptions;
import org.herd.engine.MaxFail;
import org.herd.engine.RebootPolicy;
import picocli.CommandLine.Option;

/** The options of every command that executes a run: parallelism, failure policy, output form. */
final class ExecutionFlags {

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Hosts upgraded at once, between precheck and verify (default: ${DEFAULT-VALUE}).")
  int parallel = 1;

  @Option(
      names = "--max-fail",
      paramLabel = "N|P%",
      description =
          "Abort the run once more than N hosts (or P% of them) failed (default: no limit; a failed"
              + " host stops only itself).")
  String maxFail;

  @Option(
      names = "--reboot",
      paramLabel = "WHEN",
      description =
          "never, if-required (a new kernel, /run/reboot-required) or always: reboot a host after"
              + " its restarts, before its health gate (default: ${DEFAULT-VALUE}).")
  String reboot = "never";

  @Option(names = "--json", description = "Print one JSON event per line instead of progress.")
  boolean json;

  ExecutionOptions options(java.util.Set<String> skip, java.util.Set<String> retry) {
    MaxFail policy;
    try {
      policy = maxFail == null ? MaxFail.UNLIMITED : MaxFail.parse(maxFail);
      return new ExecutionOptions(parallel, policy, skip, retry, RebootPolicy.of(reboot));
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  RunProgress.Form form(CliContext context) {
    if (json) {
      return RunProgress.Form.JSON;
    }
    return context.terminal().interactive() ? RunProgress.Form.TERMINAL : RunProgress.Form.LINES;
  }
}
