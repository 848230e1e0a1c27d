package org.herd.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The scheduler's invariants, over random fleets, budgets, timings, failures and seeds. */
class SimulationProperties {

  @Property(tries = 300)
  void noClusterEverHasMoreMembersOutThanItsBudget(@ForAll long fleetSeed, @ForAll long seed) {
    Fleet fleet = RandomFleets.of(fleetSeed);
    SimulationReport report = Simulator.herd(fleet, seed);
    for (SimulationReport.GroupTimeline group : report.clusters()) {
      if (!group.kind().equals("standalone")) {
        assertThat(group.maxOut()).as(group.name()).isLessThanOrEqualTo(group.allowed());
      } else {
        assertThat(group.maxOut()).as("standalone").isLessThanOrEqualTo(fleet.parallel());
      }
    }
  }

  @Property(tries = 300)
  void noMemberIsTakenOutWhileItsClustersGateOrOkToStopFails(
      @ForAll long fleetSeed, @ForAll long seed) {
    Fleet fleet = RandomFleets.of(fleetSeed);
    SimulationReport report = Simulator.herd(fleet, seed);
    Map<String, SimulationReport.HostTimeline> byHost = new HashMap<>();
    report.hosts().forEach(h -> byHost.put(h.host(), h));
    for (FleetGroup group : fleet.groups()) {
      if (!group.clustered()) {
        continue;
      }
      for (String member : group.members()) {
        SimulationReport.HostTimeline out = byHost.get(member);
        if (out == null || out.start() < 0) {
          continue;
        }
        Duration at = Duration.ofMillis(out.start());
        for (Fleet.GateFailure failure : fleet.gateFailures()) {
          assertThat(failure.covers(group.name(), at))
              .as("%s out at %s while an injected failure of %s's gate", member, at, group.name())
              .isFalse();
        }
        for (Fleet.GateFailure refusal : fleet.stopRefusals()) {
          assertThat(refusal.covers(group.name(), at))
              .as("%s out at %s while %s refuses ok-to-stop", member, at, group.name())
              .isFalse();
        }
        for (String other : group.members()) {
          SimulationReport.HostTimeline back = byHost.get(other);
          if (back != null && back.end().equals("done") && back.stop() <= out.start()) {
            assertThat(out.start())
                .as("%s out while %s resyncs after %s came back", member, group.name(), other)
                .isGreaterThanOrEqualTo(back.stop() + group.settle().toMillis());
          }
        }
      }
    }
  }

  @Property(tries = 300)
  void everyHostFinishesFailsOrIsReportedNotStartedWithTheReason(
      @ForAll long fleetSeed, @ForAll long seed) {
    Fleet fleet = RandomFleets.of(fleetSeed);
    SimulationReport report = Simulator.herd(fleet, seed);
    assertThat(report.hosts()).hasSize(fleet.hosts().size());
    for (SimulationReport.HostTimeline host : report.hosts()) {
      if (host.end().equals("not-started")) {
        assertThat(report.notStarted().get(host.host())).as(host.host()).isNotBlank();
        assertThat(host.start()).isEqualTo(-1);
      } else {
        assertThat(host.end()).isIn("done", "failed", "failed-download");
        assertThat(report.notStarted()).doesNotContainKey(host.host());
      }
    }
    for (Map.Entry<String, org.herd.engine.UpgradeStep> entry : fleet.failures().entrySet()) {
      String end =
          report.hosts().stream()
              .filter(h -> h.host().equals(entry.getKey()))
              .findFirst()
              .orElseThrow()
              .end();
      assertThat(end).as(entry.getKey() + " fails at " + entry.getValue()).isNotEqualTo("done");
    }
  }

  @Property(tries = 300)
  void noRolloutBeatsTheLowerBound(@ForAll long fleetSeed, @ForAll long seed) {
    Fleet fleet = RandomFleets.of(fleetSeed);
    SimulationReport report = Simulator.herd(fleet, seed);
    assertThat(report.makespanMillis()).isGreaterThanOrEqualTo(report.lowerBoundMillis());
  }

  @Property(tries = 100)
  void theSameSeedGivesTheSameRollout(@ForAll long fleetSeed, @ForAll long seed) {
    Fleet fleet = RandomFleets.of(fleetSeed);
    assertThat(Simulator.herd(fleet, seed)).isEqualTo(Simulator.herd(fleet, seed));
    assertThat(Simulator.ansibleSerial(fleet, seed))
        .isEqualTo(Simulator.ansibleSerial(fleet, seed));
  }

  @Property(tries = 200)
  void aFailedMemberLeavesTheRestOfItsClusterNotStartedWithTheReason(
      @ForAll long fleetSeed, @ForAll long seed) {
    Fleet fleet = RandomFleets.of(fleetSeed);
    SimulationReport report = Simulator.herd(fleet, seed);
    Set<String> failed =
        Set.copyOf(
            report.hosts().stream()
                .filter(h -> h.end().startsWith("failed"))
                .map(SimulationReport.HostTimeline::host)
                .toList());
    for (FleetGroup group : fleet.groups()) {
      List<String> culprits = group.members().stream().filter(failed::contains).toList();
      if (!group.clustered() || culprits.isEmpty()) {
        continue;
      }
      for (String member : group.members()) {
        String reason = report.notStarted().get(member);
        if (reason != null && reason.startsWith("cluster " + group.name() + " degraded by ")) {
          assertThat(culprits).contains(reason.substring(reason.lastIndexOf(' ') + 1));
        }
      }
    }
  }
}
