package org.herd.engine.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.herd.engine.Canary;
import org.herd.engine.Rollout;
import org.herd.engine.Serial;
import org.herd.engine.UpgradeStep;
import org.herd.inventory.DisruptionBudget;

/**
 * Random fleets for property tests: clusters, pools, standalone hosts, waves, failures (hosts,
 * gates, ok-to-stop refusals).
 */
final class RandomFleets {

  private RandomFleets() {}

  static Fleet of(long seed) {
    Random random = new Random(seed);
    List<FleetGroup> groups = new ArrayList<>();
    int clusters = random.nextInt(6);
    for (int c = 0; c < clusters; c++) {
      boolean pool = random.nextInt(4) == 0;
      int size = 1 + random.nextInt(pool ? 12 : 7);
      DisruptionBudget budget =
          pool
              ? new DisruptionBudget.Percent(1 + random.nextInt(60))
              : new DisruptionBudget.Count(1 + random.nextInt(3));
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= size; i++) {
        members.add("c" + c + "-" + i);
      }
      groups.add(
          new FleetGroup(
              "c" + c,
              pool ? FleetGroup.Kind.POOL : FleetGroup.Kind.CLUSTER,
              members,
              budget,
              steps(random),
              Duration.ofSeconds(random.nextInt(3) * 30L)));
    }
    int standalone = random.nextInt(12);
    if (standalone > 0 || groups.isEmpty()) {
      List<String> members = new ArrayList<>();
      for (int i = 1; i <= Math.max(1, standalone); i++) {
        members.add("s-" + i);
      }
      groups.add(
          new FleetGroup(
              "s",
              FleetGroup.Kind.STANDALONE,
              members,
              DisruptionBudget.ONE,
              steps(random),
              Duration.ZERO));
    }
    List<String> hosts = groups.stream().flatMap(g -> g.members().stream()).toList();
    List<Rollout.Stage> waves = new ArrayList<>();
    if (random.nextBoolean()) {
      List<String> shuffled = new ArrayList<>(hosts);
      Collections.shuffle(shuffled, random);
      int cut = random.nextInt(shuffled.size() + 1);
      waves.add(
          new Rollout.Stage(
              "staging", shuffled.subList(0, cut), Duration.ofMinutes(random.nextInt(20))));
      waves.add(
          new Rollout.Stage("production", shuffled.subList(cut, shuffled.size()), Duration.ZERO));
    }
    Map<String, UpgradeStep> failures = new LinkedHashMap<>();
    for (String host : hosts) {
      if (random.nextInt(10) == 0) {
        UpgradeStep[] steps =
            java.util.Arrays.stream(UpgradeStep.values())
                .filter(step -> step != UpgradeStep.PREINSTALL)
                .toArray(UpgradeStep[]::new);
        failures.put(host, steps[random.nextInt(steps.length)]);
      }
    }
    List<Fleet.GateFailure> gateFailures = new ArrayList<>();
    for (FleetGroup group : groups) {
      if (group.clustered() && random.nextInt(3) == 0) {
        gateFailures.add(
            new Fleet.GateFailure(
                group.name(),
                Duration.ofMinutes(random.nextInt(40)),
                Duration.ofMinutes(1 + random.nextInt(45))));
      }
    }
    List<Fleet.GateFailure> stopRefusals = new ArrayList<>();
    for (FleetGroup group : groups) {
      if (group.clustered() && random.nextInt(3) == 0) {
        stopRefusals.add(
            new Fleet.GateFailure(
                group.name(),
                Duration.ofMinutes(random.nextInt(40)),
                Duration.ofMinutes(1 + random.nextInt(20))));
      }
    }
    Serial serial =
        List.of(Serial.ALL, Serial.parse("1"), Serial.parse("30%"), Serial.parse("1,3,50%"))
            .get(random.nextInt(4));
    Canary canary =
        List.of(Canary.NONE, new Canary.Pause(), new Canary.Soak(Duration.ofMinutes(5)))
            .get(random.nextInt(3));
    return new Fleet(
        groups,
        waves,
        serial,
        1 + random.nextInt(5),
        canary,
        Duration.ofSeconds(10),
        Duration.ofMinutes(30),
        failures,
        gateFailures,
        stopRefusals,
        seed);
  }

  private static Map<UpgradeStep, Timing> steps(Random random) {
    Map<UpgradeStep, Timing> steps = new EnumMap<>(UpgradeStep.class);
    for (UpgradeStep step : UpgradeStep.values()) {
      steps.put(
          step,
          new Timing(
              Duration.ofSeconds(random.nextInt(120)), Duration.ofSeconds(random.nextInt(30))));
    }
    return steps;
  }
}
