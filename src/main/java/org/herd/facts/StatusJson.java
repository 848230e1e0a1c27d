package org.herd.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON form of a fleet's status, one shape for {@code herd status --json} and {@code herd
 * serve}'s {@code /api/v1/hosts}: every host's facts (or why there are none) with their collection
 * time, the rows of hosts folded by state, the clusters' versions, and the hosts without facts
 * folded by reason.
 */
public final class StatusJson {

  private StatusJson() {}

  /** The status of {@code hosts}, as {@code summary} folds them, with every host's facts. */
  public static ObjectNode tree(
      ObjectMapper mapper, List<ProbedHost> probed, StatusSummary summary) {
    return tree(mapper, probed, summary, true);
  }

  /**
   * The status of {@code hosts}, as {@code summary} folds them; without {@code withFacts}, each
   * host has its collection time but not its facts (a fleet page needs the rows, not every fact).
   */
  public static ObjectNode tree(
      ObjectMapper mapper, List<ProbedHost> probed, StatusSummary summary, boolean withFacts) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode hosts = root.putObject("hosts");
    for (ProbedHost host : probed) {
      ObjectNode node = hosts.putObject(host.host());
      if (host instanceof ProbedHost.Probed p) {
        node.put("collectedAt", p.collectedAt().toString());
        if (withFacts) {
          node.set("facts", mapper.valueToTree(p.facts()));
        }
      } else if (host instanceof ProbedHost.NotProbed n) {
        node.put("unreachable", n.reason());
      }
    }
    ArrayNode rows = root.putArray("rows");
    for (StatusSummary.Row row : summary.rows()) {
      ObjectNode node = rows.addObject();
      node.put("hosts", row.hosts().fold());
      node.put("count", row.hosts().size());
      node.set("state", mapper.valueToTree(row.state()));
    }
    ArrayNode clusters = root.putArray("clusters");
    for (StatusSummary.ClusterVersions c : summary.clusters()) {
      ObjectNode node = clusters.addObject();
      node.put("cluster", c.cluster());
      node.put("package", c.pkg().toString());
      ObjectNode versions = node.putObject("versions");
      c.versions().forEach((version, members) -> versions.put(version, members.fold()));
      node.put("skew", c.skew());
    }
    ArrayNode unreachable = root.putArray("unreachable");
    for (StatusSummary.Unprobed u : summary.unprobed()) {
      unreachable.addObject().put("hosts", u.hosts().fold()).put("reason", u.reason());
    }
    return root;
  }
}
