package org.herd.cli;

import org.herd.engine.Canary;
import org.herd.engine.ExecutionOptions;
import org.herd.engine.MaxFail;
import org.herd.engine.RebootPolicy;
import org.herd.engine.Serial;
import org.herd.inventory.SoakTime;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that executes a run: parallelism, failure policy, standalone
 * batches, canaries, output form.
 */
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
          "Abort the run once more than N hosts (or P%% of them) failed (default: no limit; a failed"
              + " host stops only itself).")
  String maxFail;

  @Option(
      names = "--reboot",
      paramLabel = "WHEN",
      description =
          "never, if-required (a new kernel, /run/reboot-required) or always: reboot a host after"
              + " its restarts, before its health gate (default: ${DEFAULT-VALUE}).")
  String reboot = "never";

  @Option(
      names = "--serial",
      paramLabel = "N|P%|LIST",
      description =
          "Batches of the hosts in no cluster, as Ansible's serial: 3, 30%%, or 1,5,20%% (the last"
              + " value repeats); each batch ends before the next starts (default: one batch).")
  String serial;

  @Option(
      names = "--canary",
      paramLabel = "pause|soak=DURATION",
      description =
          "Upgrade the first member of each cluster alone first, then pause the run (resume to go"
              + " on) or wait the soak time (soak=10m) and go on.")
  String canary;

  @Option(
      names = "--finalize",
      description =
          "Run the clusters' one-way finalize steps (feature flags…) once all their members are"
              + " upgraded; without it they are reported as pending.")
  boolean finalize;

  @Mixin RecipesOption recipes = new RecipesOption();

  @Option(names = "--json", description = "Print one JSON event per line instead of progress.")
  boolean json;

  /** The {@code --serial} option; {@link Serial#ALL} when not given. */
  Serial serial() {
    try {
      return serial == null ? Serial.ALL : Serial.parse(serial);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** The {@code --canary} option; {@link Canary#NONE} when not given. */
  Canary canary() {
    try {
      return canary == null ? Canary.NONE : Canary.parse(canary, SoakTime::parse);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  /**
   * The scheduling options as they are journaled with the run's command, so that {@code herd
   * resume} restores them: {@code " --serial X --canary Y"}, or empty.
   */
  String journaled() {
    StringBuilder text = new StringBuilder();
    if (serial != null) {
      text.append(" --serial ").append(serial().toString());
    }
    if (canary != null) {
      text.append(" --canary ").append(canary().spelling(SoakTime::format));
    }
    if (finalize) {
      text.append(" --finalize");
    }
    return text.toString();
  }

  /**
   * Takes {@code --serial}, {@code --canary} and {@code --finalize} from a journaled command line
   * when they were not given now.
   */
  void restoreFrom(String command) {
    java.util.regex.Matcher serialFlag =
        java.util.regex.Pattern.compile(" --serial (\\S+)").matcher(command);
    if (serial == null && serialFlag.find()) {
      serial = serialFlag.group(1);
    }
    java.util.regex.Matcher canaryFlag =
        java.util.regex.Pattern.compile(" --canary (\\S+)").matcher(command);
    if (canary == null && canaryFlag.find()) {
      canary = canaryFlag.group(1);
    }
    finalize =
        finalize || java.util.regex.Pattern.compile(" --finalize(\\s|$)").matcher(command).find();
  }

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
