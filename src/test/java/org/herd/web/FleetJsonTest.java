package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.herd.facts.StatusJson;
import org.herd.ops.FleetView;
import org.herd.ops.ServeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/hosts}'s JSON written from kept texts is what {@code herd status --json} is. */
class FleetJsonTest {

  @TempDir Path dir;

  @Test
  void theFleetsJsonIsStatusJsonForEveryDetailAndFollowsNewFacts() throws Exception {
    try (ServeFixture site = new ServeFixture(dir)) {
      site.saveFacts();
      FleetView view = new FleetView(site.workspace, site.journal);
      FleetJson json = new FleetJson();

      for (int round = 0; round < 2; round++) {
        FleetView.Fleet fleet = view.of(FleetView.Filter.ALL);
        for (StatusJson.HostDetail detail : StatusJson.HostDetail.values()) {
          String expected =
              Json.text(StatusJson.tree(Json.MAPPER, fleet.hosts(), fleet.summary(), detail));
          assertThat(Json.MAPPER.readTree(json.utf8(fleet, detail)))
              .as("%s, round %d", detail, round)
              .isEqualTo(Json.MAPPER.readTree(expected));
        }
        // db2 is probed again and now looks like db3: its facts' text is written anew.
        String db3 = site.journal.latestFacts("db3").orElseThrow().json();
        site.journal.saveFacts("db2", ServeFixture.T0.plusSeconds(60), db3);
      }
    }
  }
}
