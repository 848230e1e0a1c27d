package org.herd.journal;

import java.util.List;
import java.util.Objects;

/**
 * What a run was created for: the command line the operator gave, the hosts it covers in plan
 * order, the plan it executes (JSON, opaque to the journal, kept so {@code herd resume} needs no
 * plan file), and who started it ({@code user@hostname}).
 */
public record RunSpec(String command, List<String> hosts, String planJson, String startedBy) {

  public RunSpec {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(planJson, "planJson");
    Objects.requireNonNull(startedBy, "startedBy");
    hosts = List.copyOf(hosts);
    for (String host : hosts) {
      Names.requireHost(host);
    }
    if (hosts.size() != hosts.stream().distinct().count()) {
      throw new IllegalArgumentException("a run lists each host once: " + hosts);
    }
  }
}
