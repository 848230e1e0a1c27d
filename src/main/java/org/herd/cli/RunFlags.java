package org.herd.cli;

import java.util.function.Supplier;
import org.herd.engine.Canary;
import org.herd.engine.MaxFail;
import org.herd.engine.Serial;
import org.herd.ops.RunOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that executes a run, upgrade or reboot alike: parallelism, failure
 * policy, standalone batches, canaries, recipes and the output form. {@link ExecutionFlags} adds
 * what only a run that installs has ({@code --reboot}, {@code --finalize}).
 */
final class RunFlags {

  /**
   * The default of {@code --parallel}: clush's fan-out. Standalone hosts are independent of each
   * other; members of clusters and pools are held by their budgets, whatever this says.
   */
  static final int DEFAULT_PARALLEL = RunOptions.DEFAULT_PARALLEL;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Standalone hosts (in no cluster or pool) upgraded (or rebooted) at once (default: 64,"
              + " clush's fan-out); cluster members go by their budgets.")
  Integer parallel;

  /** How many standalone hosts may be out at once: {@code --parallel}, or its default. */
  int parallel() {
    return parallel == null ? DEFAULT_PARALLEL : parallel;
  }

  @Option(
      names = "--max-fail",
      paramLabel = "N|P%",
      description =
          "Abort the run once more than N hosts (or P%% of them) failed (default: no limit; a failed"
              + " host stops only itself).")
  String maxFail;

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

  @Mixin RecipesOption recipes = new RecipesOption();

  @Mixin ProgressOption progress = new ProgressOption();

  /** The {@code --serial} option; {@link Serial#ALL} when not given. */
  Serial serial() {
    return checked(options()::serialBatches);
  }

  /** The {@code --canary} option; {@link Canary#NONE} when not given. */
  Canary canary() {
    return checked(options()::canaries);
  }

  /** The {@code --max-fail} option; {@link MaxFail#UNLIMITED} when not given. */
  MaxFail maxFail() {
    return checked(options()::failureLimit);
  }

  /**
   * Checks every option's value at once, so that a typo is reported before hosts are probed rather
   * than after the operator confirmed.
   */
  void check() {
    checked(options()::check);
  }

  /** These options as the application layer takes them (no finalize, the plan's reboots). */
  RunOptions options() {
    return RunOptions.ofNullable(parallel, serial, canary, maxFail, false, null);
  }

  private static <T> T checked(Supplier<T> value) {
    try {
      return value.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }

  RunProgress.Form form(CliContext context) {
    return progress.form(context);
  }
}
