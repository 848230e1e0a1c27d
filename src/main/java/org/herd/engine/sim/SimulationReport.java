package org.herd.engine.sim;

import java.util.List;
import java.util.Map;

/**
 * What a simulation measured. Times are milliseconds of virtual time from the simulation's start.
 *
 * @param strategy {@code herd} or {@code ansible-serial}
 * @param seed the seed of the jitter
 * @param planned how many hosts the planner made executable plans for
 * @param downloadMillis how long the fleet-wide download phase took (0 for ansible-serial, which
 *     downloads inside each batch)
 * @param makespanMillis when the last host ended
 * @param lowerBoundMillis the critical-path lower bound (docs/simulate.md)
 * @param clusters each group's timeline and measured concurrency
 * @param hosts each host's time out of service and how it ended, in fleet order
 * @param notStarted hosts that never started, with the reason
 * @param pauses how many times the run paused for the operator (canaries), each resumed at once
 */
public record SimulationReport(
    String strategy,
    long seed,
    int planned,
    long downloadMillis,
    long makespanMillis,
    long lowerBoundMillis,
    List<GroupTimeline> clusters,
    List<HostTimeline> hosts,
    Map<String, String> notStarted,
    int pauses) {

  /** Freezes the report. */
  public SimulationReport {
    clusters = List.copyOf(clusters);
    hosts = List.copyOf(hosts);
    notStarted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notStarted));
  }

  /** Makespan over lower bound: 1.0 is the best any schedule could do. */
  public double ratio() {
    return lowerBoundMillis == 0 ? 1.0 : (double) makespanMillis / lowerBoundMillis;
  }

  /**
   * One group's timeline.
   *
   * @param name the group's name
   * @param kind cluster, pool or standalone
   * @param size how many of its hosts are in the run
   * @param allowed its budget in members ({@code --parallel} for standalone hosts)
   * @param maxOut the most members out of service at once, measured
   * @param firstStart when its first member went out (-1 if none did)
   * @param lastEnd when its last member came back (-1 if none did)
   * @param done members upgraded
   * @param failed members that failed
   * @param notStarted members never started
   */
  public record GroupTimeline(
      String name,
      String kind,
      int size,
      int allowed,
      int maxOut,
      long firstStart,
      long lastEnd,
      int done,
      int failed,
      int notStarted) {}

  /**
   * One host: out of service from {@code start} to {@code end} (both -1 when it never started).
   *
   * @param end how it ended: done, failed, failed-download or not-started
   */
  public record HostTimeline(String host, long start, long stop, String end) {}
}
