package org.herd.engine;

import java.util.List;
import java.util.Map;
import org.herd.journal.RunState;

/**
 * How an execution of a run ended: the run's state as journaled, and each host's end.
 *
 * <p>{@link #exitCode()} is what {@code herd apply}, {@code upgrade} and {@code resume} exit with
 * (documented in docs/cli.md): 0 when every host reached its plan; 130 when the run was paused
 * (Ctrl-C) and can be resumed; otherwise the sum of {@value #FAILED_BIT} (a host failed a step, or
 * was not started because the run's constraints did not allow it), {@value #UNREACHABLE_BIT} (a
 * host was unreachable) and {@value #ABORTED_BIT} (the run was aborted, by the failure policy or
 * the operator).
 *
 * @param hosts every host of the run, in run order
 */
public record RunOutcome(RunState state, Map<String, HostEnd> hosts) {

  public static final int FAILED_BIT = 4;
  public static final int UNREACHABLE_BIT = 8;
  public static final int ABORTED_BIT = 16;
  public static final int PAUSED = 130;

  public RunOutcome {
    hosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hosts));
  }

  /** Hosts that failed a step (not counting unreachable ones). */
  public List<String> failedHosts() {
    return hostsWhere(end -> end instanceof HostEnd.Failed f && !f.unreachable());
  }

  /** Hosts that could not be reached for a step. */
  public List<String> unreachableHosts() {
    return hostsWhere(end -> end instanceof HostEnd.Failed f && f.unreachable());
  }

  /** Hosts the run's constraints did not let start (degraded cluster, gate, wave not reached). */
  public List<String> notStartedHosts() {
    return hostsWhere(HostEnd.NotStarted.class::isInstance);
  }

  /** The exit code for this outcome, as the class comment describes. */
  public int exitCode() {
    if (state == RunState.PAUSED) {
      return PAUSED;
    }
    int code = 0;
    code |= failedHosts().isEmpty() && notStartedHosts().isEmpty() ? 0 : FAILED_BIT;
    code |= unreachableHosts().isEmpty() ? 0 : UNREACHABLE_BIT;
    code |= state == RunState.ABORTED ? ABORTED_BIT : 0;
    return code;
  }

  private List<String> hostsWhere(java.util.function.Predicate<HostEnd> test) {
    return hosts.entrySet().stream()
        .filter(e -> test.test(e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }
}
