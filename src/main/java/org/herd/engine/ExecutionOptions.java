package org.herd.engine;

import java.util.Objects;
import java.util.Set;
import org.herd.fleet.FanOutSettings;
import org.herd.plan.RebootPolicy;

/**
 * How a run executes: how many hosts may be between precheck and verify at once, the failure
 * policy, and the hosts the operator skips or retries on resume.
 *
 * @param parallel the most hosts upgrading at once (downloads are not limited by it)
 * @param skip hosts left out; their owed cleanup still runs
 * @param retry hosts whose failed step runs again
 * @param reboot when a host is rebooted, between its restarts and its health gate
 * @param fanout the most hosts downloading at once (the operator's {@code -f}): downloads disrupt
 *     nothing, so they go as wide as any fan-out of herd's
 */
public record ExecutionOptions(
    int parallel,
    MaxFail maxFail,
    Set<String> skip,
    Set<String> retry,
    RebootPolicy reboot,
    int fanout) {

  public ExecutionOptions {
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel: expected 1 or more, got " + parallel);
    }
    if (fanout < 1) {
      throw new IllegalArgumentException("--fanout: must be at least 1, not " + fanout);
    }
    Objects.requireNonNull(maxFail, "maxFail");
    skip = Set.copyOf(skip);
    retry = Set.copyOf(retry);
    Objects.requireNonNull(reboot, "reboot");
  }

  /** Options that download at herd's default fan-out. */
  public ExecutionOptions(
      int parallel, MaxFail maxFail, Set<String> skip, Set<String> retry, RebootPolicy reboot) {
    this(parallel, maxFail, skip, retry, reboot, FanOutSettings.DEFAULT_FANOUT);
  }

  /** Options that never reboot. */
  public ExecutionOptions(int parallel, MaxFail maxFail, Set<String> skip, Set<String> retry) {
    this(parallel, maxFail, skip, retry, RebootPolicy.NEVER);
  }

  /** Options for a first execution: nothing skipped or retried. */
  public static ExecutionOptions of(int parallel, MaxFail maxFail) {
    return new ExecutionOptions(parallel, maxFail, Set.of(), Set.of());
  }
}
