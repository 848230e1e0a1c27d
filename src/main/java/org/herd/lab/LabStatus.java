package org.herd.lab;

import java.util.List;

/**
 * What {@code herd lab status} reports about one lab.
 *
 * @param name the lab name
 * @param release its Debian release
 * @param subnet its /24
 * @param ready whether {@code lab up} finished
 * @param suite what its repository shows
 * @param repository the repository URL, or empty when its server is not running
 * @param directory its state directory
 * @param hosts each host's state
 */
public record LabStatus(
    String name,
    String release,
    String subnet,
    boolean ready,
    String suite,
    String repository,
    String directory,
    List<HostStatus> hosts) {

  /** Copies the host list. */
  public LabStatus {
    hosts = List.copyOf(hosts);
  }

  /**
   * One host.
   *
   * @param name its host name
   * @param address its address
   * @param pid the pid of its nspawn process, 0 when it is not running
   * @param state what its systemd says ({@code running}, {@code degraded}…) or {@code stopped}
   * @param failedUnits the failed units when degraded
   */
  public record HostStatus(
      String name, String address, long pid, String state, List<String> failedUnits) {

    /** Copies the unit list. */
    public HostStatus {
      failedUnits = List.copyOf(failedUnits);
    }
  }
}
