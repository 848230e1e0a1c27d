package org.herd.cli;

import java.util.Set;
import org.herd.engine.Canary;
import org.herd.engine.Serial;
import org.herd.fleet.FanOutSettings;
import org.herd.ops.RunOptions;
import org.herd.ops.RunSettings;
import org.herd.plan.Plan;
import org.herd.plan.RebootPolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every command that executes a plan ({@code apply}, {@code upgrade}, {@code
 * resume}, {@code abort}): those of every run ({@link RunFlags}), plus {@code --reboot} (which
 * replaces the plan's reboot policy) and {@code --finalize}. {@code herd reboot} has only the run's
 * part and {@link #rebooting(RunFlags, int) always reboots}.
 */
final class ExecutionFlags {

  @Mixin RunFlags run = new RunFlags();

  @Mixin RebootOption reboot = new RebootOption();

  @Option(
      names = "--finalize",
      description =
          "Run the clusters' one-way finalize steps (feature flags…) once all their members are"
              + " upgraded; without it they are reported as pending.")
  boolean finalize;

  /**
   * How many hosts download at once: the command's {@code -f} ({@link FanoutOption}, or {@link
   * ProbeTargets} for the commands that plan first), set by the command.
   */
  int fanout = FanOutSettings.DEFAULT_FANOUT;

  /** The flags of {@code herd reboot}: the run's, nothing to finalize (its plan says always). */
  static ExecutionFlags rebooting(RunFlags run, int fanout) {
    ExecutionFlags flags = new ExecutionFlags();
    flags.run = run;
    flags.fanout = fanout;
    return flags;
  }

  Serial serial() {
    return run.serial();
  }

  Canary canary() {
    return run.canary();
  }

  RecipesOption recipes() {
    return run.recipes;
  }

  RunProgress.Form form(CliContext context) {
    return run.form(context);
  }

  /** The options as given on the command line. */
  RunOptions given() {
    return RunOptions.ofNullable(
        run.parallel, run.serial, run.canary, run.maxFail, finalize, reboot.policy);
  }

  /**
   * The scheduling options as they are journaled with the run's command, so that {@code herd
   * resume} restores them ({@link RunOptions#journaled}).
   */
  String journaled() {
    return given().journaled();
  }

  /**
   * Takes {@code --parallel}, {@code --serial}, {@code --canary}, {@code --finalize} and {@code
   * --reboot} from a journaled command line when they were not given now.
   */
  void restoreFrom(String command) {
    RunOptions restored = given().orElse(RunOptions.journaledIn(command));
    run.parallel = restored.parallel().orElse(null);
    run.serial = restored.serial().orElse(null);
    run.canary = restored.canary().orElse(null);
    finalize = restored.finalizeAsked();
    reboot.policy = restored.reboot().orElse(null);
  }

  /**
   * The reboot policy a run of {@code plan} follows: {@code --reboot} when given, else the plan's.
   * When the two differ the operator is told, once, on {@code context}'s stderr.
   */
  RebootPolicy rebootPolicy(Plan plan, CliContext context) {
    RebootPolicy planned = plan.options().reboot();
    if (reboot.given() && reboot.policy != planned) {
      context
          .err()
          .printf(
              "herd: --reboot %s replaces the plan's --reboot %s%n",
              reboot.policy.label(), planned.label());
      context.err().flush();
    }
    return reboot.orElse(planned);
  }

  /** How the operator asked a run that reboots under {@code policy} to go. */
  RunSettings settings(Set<String> skip, Set<String> retry, RebootPolicy policy) {
    try {
      return given().settings(policy, skip, retry, fanout);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
