package org.herd.engine.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.herd.engine.RunExecutor;
import org.herd.engine.UpgradeStep;

/**
 * Every simulated host's step durations, drawn once from the seed in a fixed order (hosts in fleet
 * order, steps in enum order), and the steps a host runs — the engine's sequence, cut short by an
 * injected failure and followed by the owed cleanup.
 */
final class HostDurations {

  private final Map<String, long[]> millis = new HashMap<>();
  private final Map<String, FleetGroup> groupOf = new HashMap<>();
  private final Map<String, UpgradeStep> failures;

  HostDurations(Fleet fleet, long seed) {
    Random random = new Random(seed);
    for (FleetGroup group : fleet.groups()) {
      for (String host : group.members()) {
        groupOf.putIfAbsent(host, group);
      }
    }
    for (String host : fleet.hosts()) {
      FleetGroup group = groupOf.get(host);
      long[] steps = new long[UpgradeStep.values().length];
      for (UpgradeStep step : UpgradeStep.values()) {
        steps[step.ordinal()] = group.timing(step).drawMillis(random);
      }
      millis.put(host, steps);
    }
    this.failures = fleet.failures();
  }

  long of(String host, UpgradeStep step) {
    return millis.get(host)[step.ordinal()];
  }

  /** Whether the host fails its download. */
  boolean downloadFails(String host) {
    return failures.get(host) == UpgradeStep.DOWNLOAD;
  }

  /** What the host does once admitted: how long, and whether it fails. */
  record Upgrade(long millis, boolean failed) {}

  /** The steps the host runs once admitted, as the executor runs them. */
  Upgrade upgrade(String host) {
    UpgradeStep failing = failures.get(host);
    List<UpgradeStep> ran = new ArrayList<>();
    boolean failed = false;
    for (UpgradeStep step : RunExecutor.upgradeSteps()) {
      ran.add(step);
      if (step == failing) {
        failed = true;
        break;
      }
    }
    for (UpgradeStep step : RunExecutor.cleanupSteps()) {
      if (ran.contains(step.owedAfter())) {
        ran.add(step);
        failed |= step == failing;
      }
    }
    if (!failed) {
      ran.add(UpgradeStep.VERIFY);
      failed = failing == UpgradeStep.VERIFY;
    }
    long total = 0;
    for (UpgradeStep step : ran) {
      total += of(host, step);
    }
    return new Upgrade(total, failed);
  }

  /** The time a host is out of service when all goes well: its whole upgrade. */
  long disruption(String host) {
    long total = 0;
    for (UpgradeStep step : UpgradeStep.values()) {
      // The simulator installs every host in its turn: it never preinstalls.
      if (step != UpgradeStep.DOWNLOAD && step != UpgradeStep.PREINSTALL) {
        total += of(host, step);
      }
    }
    return total;
  }
}
