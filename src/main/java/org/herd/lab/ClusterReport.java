package org.herd.lab;

import java.util.List;

/**
 * A cluster formed by {@code herd lab cluster}.
 *
 * @param kind the service
 * @param members the member hosts
 * @param versions the installed {@code package=version} pins
 * @param health what the service's own health check printed
 */
public record ClusterReport(
    ClusterKind kind, List<String> members, List<String> versions, String health) {

  /** Copies the lists. */
  public ClusterReport {
    members = List.copyOf(members);
    versions = List.copyOf(versions);
  }
}
