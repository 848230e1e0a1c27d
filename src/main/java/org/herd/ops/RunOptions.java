package org.herd.ops;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.engine.Canary;
import org.herd.engine.ExecutionOptions;
import org.herd.engine.MaxFail;
import org.herd.engine.Serial;
import org.herd.fleet.FanOutSettings;
import org.herd.inventory.SoakTime;
import org.herd.plan.RebootPolicy;

/**
 * How an operator asked a run to go, as given ({@code herd apply}'s options, or {@code herd
 * serve}'s query parameters) and as journaled with the run's command, so that a resume, from the
 * command line or from herd serve, goes on as the run was started. An empty field was not given.
 *
 * @param parallel standalone hosts at once ({@code --parallel}; default {@link #DEFAULT_PARALLEL})
 * @param serial batches of standalone hosts ({@code --serial}), as written
 * @param canary each cluster's first member alone first ({@code --canary}), as written
 * @param maxFail failed hosts that abort the run ({@code --max-fail}), as written; not journaled
 * @param finalizeAsked whether the clusters' one-way finalize steps run ({@code --finalize})
 * @param reboot the reboot policy that replaces the plan's ({@code --reboot})
 */
public record RunOptions(
    Optional<Integer> parallel,
    Optional<String> serial,
    Optional<String> canary,
    Optional<String> maxFail,
    boolean finalizeAsked,
    Optional<RebootPolicy> reboot) {

  /** The default of {@code --parallel}: clush's fan-out; cluster members go by their budgets. */
  public static final int DEFAULT_PARALLEL = FanOutSettings.DEFAULT_FANOUT;

  /** Nothing given: {@code herd apply PLAN} without options. */
  public static final RunOptions NONE = ofNullable(null, null, null, null, false, null);

  /** The options from values that are null when not given (picocli's fields). */
  public static RunOptions ofNullable(
      Integer parallel,
      String serial,
      String canary,
      String maxFail,
      boolean finalizeAsked,
      RebootPolicy reboot) {
    return new RunOptions(
        Optional.ofNullable(parallel),
        Optional.ofNullable(serial),
        Optional.ofNullable(canary),
        Optional.ofNullable(maxFail),
        finalizeAsked,
        Optional.ofNullable(reboot));
  }

  private static final Pattern PARALLEL = Pattern.compile(" --parallel ([0-9]+)");
  private static final Pattern SERIAL = Pattern.compile(" --serial (\\S+)");
  private static final Pattern CANARY = Pattern.compile(" --canary (\\S+)");
  private static final Pattern FINALIZE = Pattern.compile(" --finalize(\\s|$)");
  private static final Pattern REBOOT = Pattern.compile(" --reboot (\\S+)");

  /**
   * Checks every value at once, so that a typo is refused before anything is recorded.
   *
   * @throws IllegalArgumentException with a one-line reason naming the option
   */
  public RunOptions check() {
    if (parallel.isPresent() && parallel.get() < 1) {
      throw new IllegalArgumentException("--parallel: expected 1 or more, got " + parallel.get());
    }
    serialBatches();
    canaries();
    failureLimit();
    return this;
  }

  /** {@code --serial}; {@link Serial#ALL} when not given. */
  public Serial serialBatches() {
    return serial.map(Serial::parse).orElse(Serial.ALL);
  }

  /** {@code --canary}; {@link Canary#NONE} when not given. */
  public Canary canaries() {
    return canary.map(c -> Canary.parse(c, SoakTime::parse)).orElse(Canary.NONE);
  }

  /** {@code --max-fail}; {@link MaxFail#UNLIMITED} when not given. */
  public MaxFail failureLimit() {
    return maxFail.map(MaxFail::parse).orElse(MaxFail.UNLIMITED);
  }

  /**
   * The options as journaled after the run's command: {@code " --parallel N --serial X --canary Y
   * --finalize --reboot Z"}, or empty. The reboot policy only when given: the plan has its own.
   */
  public String journaled() {
    StringBuilder text = new StringBuilder();
    parallel.ifPresent(p -> text.append(" --parallel ").append(p));
    if (serial.isPresent()) {
      text.append(" --serial ").append(serialBatches());
    }
    if (canary.isPresent()) {
      text.append(" --canary ").append(canaries().spelling(SoakTime::format));
    }
    if (finalizeAsked) {
      text.append(" --finalize");
    }
    reboot.ifPresent(r -> text.append(" --reboot ").append(r.label()));
    return text.toString();
  }

  /** The options journaled in a run's {@code command} ({@link #journaled}). */
  public static RunOptions journaledIn(String command) {
    return new RunOptions(
        group(PARALLEL, command).map(Integer::parseInt),
        group(SERIAL, command),
        group(CANARY, command),
        Optional.empty(),
        FINALIZE.matcher(command).find(),
        group(REBOOT, command).map(RebootPolicy::of));
  }

  /**
   * The options as query parameters ({@code herd serve}'s {@code POST /api/v1/runs}): {@code
   * parallel}, {@code serial}, {@code canary}, {@code max-fail}, {@code finalize=true} and {@code
   * reboot}, spelled as on the command line; {@code parameter} gives null for one not given.
   *
   * @throws InvalidRequest for a value of the wrong form (the values are checked by {@link #check})
   */
  public static RunOptions parameters(Function<String, String> parameter) {
    Optional<Integer> parallel;
    try {
      parallel = Optional.ofNullable(parameter.apply("parallel")).map(Integer::parseInt);
    } catch (NumberFormatException e) {
      throw new InvalidRequest("parallel: expected a number, got " + parameter.apply("parallel"));
    }
    String finalize = Optional.ofNullable(parameter.apply("finalize")).orElse("false");
    if (!finalize.equals("true") && !finalize.equals("false")) {
      throw new InvalidRequest("finalize: expected true or false, got " + finalize);
    }
    Optional<RebootPolicy> reboot;
    try {
      reboot = Optional.ofNullable(parameter.apply("reboot")).map(RebootPolicy::of);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest(
          "reboot: expected never, if-required or always, got " + parameter.apply("reboot"));
    }
    return ofNullable(
        parallel.orElse(null),
        parameter.apply("serial"),
        parameter.apply("canary"),
        parameter.apply("max-fail"),
        finalize.equals("true"),
        reboot.orElse(null));
  }

  /** These options, each one not given taken from {@code earlier} (a resume: the run's own). */
  public RunOptions orElse(RunOptions earlier) {
    return new RunOptions(
        parallel.or(earlier::parallel),
        serial.or(earlier::serial),
        canary.or(earlier::canary),
        maxFail.or(earlier::maxFail),
        finalizeAsked || earlier.finalizeAsked,
        reboot.or(earlier::reboot));
  }

  /**
   * How a run of a plan that reboots under {@code plannedReboot} goes with these options, skipping
   * and retrying the hosts given, downloading on {@code fanout} hosts at once.
   */
  public RunSettings settings(
      RebootPolicy plannedReboot, Set<String> skip, Set<String> retry, int fanout) {
    return new RunSettings(
        new ExecutionOptions(
            parallel.orElse(DEFAULT_PARALLEL),
            failureLimit(),
            skip,
            retry,
            reboot.orElse(plannedReboot),
            fanout),
        serialBatches(),
        canaries(),
        finalizeAsked);
  }

  private static Optional<String> group(Pattern pattern, String command) {
    Matcher matcher = pattern.matcher(command);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
