package org.herd.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of a fleet's status, one shape for {@code herd status --json} and {@code herd
 * serve}'s {@code /api/v1/hosts}: every host's facts (or why there are none) with their collection
 * time, the rows of hosts folded by state, the clusters' versions, and the hosts without facts
 * folded by reason.
 */
public final class StatusJson {

  private StatusJson() {}

  /** How much of each host {@link #tree} writes under {@code hosts}. */
  public enum HostDetail {
    /** Each host's facts and their collection time (herd status --json). */
    FACTS,
    /** Each host's collection time, or why it has no facts. */
    COLLECTION_TIMES,
    /** No per-host entries: the folded rows are the answer (a fleet page of thousands of hosts). */
    NONE
  }

  /** The status of {@code hosts}, as {@code summary} folds them, with every host's facts. */
  public static ObjectNode tree(
      ObjectMapper mapper, List<ProbedHost> probed, StatusSummary summary) {
    return tree(mapper, probed, summary, HostDetail.FACTS);
  }

  /**
   * The status of {@code hosts}, as {@code summary} folds them, each host with {@code detail}, and
   * the earliest and latest collection time of their facts ({@code collected}, null without any).
   */
  public static ObjectNode tree(
      ObjectMapper mapper, List<ProbedHost> probed, StatusSummary summary, HostDetail detail) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode hosts = root.putObject("hosts");
    Instant earliest = null;
    Instant latest = null;
    for (ProbedHost host : probed) {
      if (host instanceof ProbedHost.Probed p) {
        earliest =
            earliest == null || p.collectedAt().isBefore(earliest) ? p.collectedAt() : earliest;
        latest = latest == null || p.collectedAt().isAfter(latest) ? p.collectedAt() : latest;
      }
      if (detail == HostDetail.NONE) {
        continue;
      }
      ObjectNode node = hosts.putObject(host.host());
      if (host instanceof ProbedHost.Probed p) {
        node.put("collectedAt", p.collectedAt().toString());
        if (detail == HostDetail.FACTS) {
          node.set("facts", mapper.valueToTree(p.facts()));
        }
      } else if (host instanceof ProbedHost.NotProbed n) {
        node.put("unreachable", n.reason());
      }
    }
    if (earliest == null) {
      root.putNull("collected");
    } else {
      root.putObject("collected")
          .put("earliest", earliest.toString())
          .put("latest", latest.toString());
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
