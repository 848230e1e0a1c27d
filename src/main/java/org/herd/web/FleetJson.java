package org.herd.web;

import java.util.EnumMap;
import java.util.Map;
import org.herd.facts.StatusJson;
import org.herd.ops.FleetView;

/**
 * {@code /api/v1/hosts}'s JSON, written once per fleet folded: {@link FleetView} answers the same
 * fleet while no host's facts changed, and 10,000 hosts' JSON is most of such a call's time.
 */
final class FleetJson {

  private record Written(FleetView.Fleet fleet, String text) {}

  private final Map<StatusJson.HostDetail, Written> latest =
      new EnumMap<>(StatusJson.HostDetail.class);

  synchronized String text(FleetView.Fleet fleet, StatusJson.HostDetail detail) {
    Written written = latest.get(detail);
    if (written == null || written.fleet() != fleet) {
      written =
          new Written(
              fleet,
              Json.text(StatusJson.tree(Json.MAPPER, fleet.hosts(), fleet.summary(), detail)));
      latest.put(detail, written);
    }
    return written.text();
  }
}
