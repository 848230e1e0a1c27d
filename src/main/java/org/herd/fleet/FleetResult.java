package org.herd.fleet;

import java.util.List;

/**
 * The results of one command on every host of a node set.
 *
 * @param results one result per host, in node-set order
 * @param interrupted whether the run was stopped (Ctrl-C) before every host completed
 */
public record FleetResult(List<HostResult> results, boolean interrupted) {

  public FleetResult {
    results = List.copyOf(results);
  }

  /** Whether every host ran the command and it exited with 0. */
  public boolean allOk() {
    return results.stream().allMatch(result -> result.outcome() instanceof HostOutcome.Ok);
  }

  /**
   * The largest exit code of any host, 255 for a host that did not complete, as {@code clush -S}
   * reports it; 0 for an empty fleet.
   */
  public int maxExitCode() {
    return results.stream().mapToInt(result -> result.outcome().exitCode()).max().orElse(0);
  }

  /** The hosts that did not complete because the run was interrupted. */
  public List<String> incomplete() {
    return results.stream()
        .filter(result -> result.outcome() instanceof HostOutcome.Interrupted)
        .map(HostResult::host)
        .toList();
  }
}
