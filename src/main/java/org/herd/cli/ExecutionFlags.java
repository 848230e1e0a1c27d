package org.herd.cli;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.engine.Canary;
import org.herd.engine.ExecutionOptions;
import org.herd.engine.Serial;
import org.herd.fleet.FanOutSettings;
import org.herd.inventory.SoakTime;
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

  /**
   * The scheduling options as they are journaled with the run's command, so that {@code herd
   * resume} restores them: {@code " --parallel N --serial X --canary Y --finalize --reboot Z"}, or
   * empty. The reboot policy is journaled only when it was given, since the run's plan has its own.
   */
  String journaled() {
    StringBuilder text = new StringBuilder();
    if (run.parallel != null) {
      text.append(" --parallel ").append(run.parallel);
    }
    if (run.serial != null) {
      text.append(" --serial ").append(serial().toString());
    }
    if (run.canary != null) {
      text.append(" --canary ").append(canary().spelling(SoakTime::format));
    }
    if (finalize) {
      text.append(" --finalize");
    }
    if (reboot.given()) {
      text.append(" --reboot ").append(reboot.policy.label());
    }
    return text.toString();
  }

  /**
   * Takes {@code --parallel}, {@code --serial}, {@code --canary}, {@code --finalize} and {@code
   * --reboot} from a journaled command line when they were not given now.
   */
  void restoreFrom(String command) {
    Matcher parallelFlag = Pattern.compile(" --parallel ([0-9]+)").matcher(command);
    if (run.parallel == null && parallelFlag.find()) {
      run.parallel = Integer.parseInt(parallelFlag.group(1));
    }
    Matcher serialFlag = Pattern.compile(" --serial (\\S+)").matcher(command);
    if (run.serial == null && serialFlag.find()) {
      run.serial = serialFlag.group(1);
    }
    Matcher canaryFlag = Pattern.compile(" --canary (\\S+)").matcher(command);
    if (run.canary == null && canaryFlag.find()) {
      run.canary = canaryFlag.group(1);
    }
    finalize = finalize || Pattern.compile(" --finalize(\\s|$)").matcher(command).find();
    Matcher rebootFlag = Pattern.compile(" --reboot (\\S+)").matcher(command);
    if (!reboot.given() && rebootFlag.find()) {
      reboot.policy = RebootPolicy.of(rebootFlag.group(1));
    }
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
    return new RunSettings(options(skip, retry, policy), serial(), canary(), finalize);
  }

  /** The engine's options for a run that reboots under {@code policy}. */
  ExecutionOptions options(Set<String> skip, Set<String> retry, RebootPolicy policy) {
    try {
      return new ExecutionOptions(run.parallel(), run.maxFail(), skip, retry, policy, fanout);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
  }
}
