package org.herd.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.herd.facts.ProbedHost;
import org.herd.facts.StatusJson;
import org.herd.ops.FleetView;

/**
 * {@code /api/v1/hosts}'s JSON, written once per fleet folded ({@link FleetView} answers the same
 * fleet while no host's facts changed), each host's facts written once per collection: 10,000
 * hosts' facts are 12.7 MB of JSON, most of such a call's time when written afresh.
 */
final class FleetJson {

  private record Written(FleetView.Fleet fleet, byte[] utf8) {}

  private record HostJson(Instant collectedAt, String facts) {}

  private final Map<StatusJson.HostDetail, Written> latest =
      new EnumMap<>(StatusJson.HostDetail.class);

  private final Map<String, HostJson> factsByHost = new HashMap<>();

  /** The JSON, in UTF-8 as it is sent. */
  synchronized byte[] utf8(FleetView.Fleet fleet, StatusJson.HostDetail detail) {
    Written written = latest.get(detail);
    if (written == null || written.fleet() != fleet) {
      written = new Written(fleet, Json.utf8(tree(fleet, detail)));
      latest.put(detail, written);
    }
    return written.utf8();
  }

  private ObjectNode tree(FleetView.Fleet fleet, StatusJson.HostDetail detail) {
    if (detail != StatusJson.HostDetail.FACTS) {
      return StatusJson.tree(Json.MAPPER, fleet.hosts(), fleet.summary(), detail);
    }
    // The same tree as StatusJson's with facts, each host's facts from its text written before.
    ObjectNode root =
        StatusJson.tree(
            Json.MAPPER, fleet.hosts(), fleet.summary(), StatusJson.HostDetail.COLLECTION_TIMES);
    ObjectNode hosts = (ObjectNode) root.get("hosts");
    for (ProbedHost host : fleet.hosts()) {
      if (host instanceof ProbedHost.Probed p) {
        HostJson known = factsByHost.get(p.host());
        if (known == null || !known.collectedAt().equals(p.collectedAt())) {
          known = new HostJson(p.collectedAt(), Json.text(p.facts()));
          factsByHost.put(p.host(), known);
        }
        ((ObjectNode) hosts.get(p.host())).putRawValue("facts", new RawValue(known.facts()));
      }
    }
    return root;
  }
}
