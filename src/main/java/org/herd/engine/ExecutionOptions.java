package org.herd.engine;

import java.util.Objects;
import java.util.Set;
import org.herd.plan.RebootPolicy;

/**
 * How a run executes: how many hosts may be between precheck and verify at once, the failure
 * policy, and the hosts the operator skips or retries on resume.
 *
 * @param parallel the most hosts upgrading at once (downloads are not limited by it)
 * @param skip hosts left out; their owed cleanup still runs
 * @param retry hosts whose failed step runs again
 * @param reboot when a host is rebooted, between its restarts and its health gate
 */
public record ExecutionOptions(
    int parallel, MaxFail maxFail, Set<String> skip, Set<String> retry, RebootPolicy reboot) {

  public ExecutionOptions {
    if (parallel < 1) {
      throw new IllegalArgumentException("--parallel: expected 1 or more, got " + parallel);
    }
    Objects.requireNonNull(maxFail, "maxFail");
    skip = Set.copyOf(skip);
    retry = Set.copyOf(retry);
    Objects.requireNonNull(reboot, "reboot");
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
