package org.herd.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herd.engine.Canary;
import org.herd.engine.Rollout;
import org.herd.engine.Serial;
import org.herd.inventory.DisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The critical-path lower bound and the soaks a canary pause skips, as tables. */
class MeasureTest {

  private static final long MIN = 60_000;

  /**
   * A cluster k (budget 1) with k1 in wave staging (soak 10m), k2 in canary (soak 20m), k3 in
   * production; every member out 5 minutes.
   */
  private static final Fleet FLEET =
      new Fleet(
          List.of(
              new FleetGroup(
                  "k",
                  FleetGroup.Kind.CLUSTER,
                  List.of("k1", "k2", "k3"),
                  DisruptionBudget.ONE,
                  Map.of(),
                  Duration.ZERO)),
          List.of(
              new Rollout.Stage("staging", List.of("k1"), Duration.ofMinutes(10)),
              new Rollout.Stage("canary", List.of("k2"), Duration.ofMinutes(20)),
              new Rollout.Stage("production", List.of("k3"), Duration.ZERO)),
          Serial.ALL,
          1,
          new Canary.Pause(),
          Duration.ofSeconds(10),
          Duration.ofMinutes(30),
          Map.of(),
          List.of(),
          1);

  private static final List<String> HOSTS = List.of("k1", "k2", "k3");

  @ParameterizedTest(name = "unsoaked [{0}]: {1} min")
  @CsvSource({
    // download 1m + 3 waves of 5m + the soaks between waves that had hosts out
    "'', 46",
    "staging, 36",
    "canary, 26",
    "staging canary, 16",
    "production, 46", // the last wave's soak is never counted
  })
  void theLowerBoundCountsTheSoaksNotSkipped(String unsoaked, long minutes) {
    Map<String, Long> outMillis = Map.of("k1", 5 * MIN, "k2", 5 * MIN, "k3", 5 * MIN);
    Set<String> skipped = Set.of(unsoaked.isBlank() ? new String[0] : unsoaked.split(" "));
    assertThat(Measure.lowerBound(FLEET, HOSTS, outMillis, MIN, skipped)).isEqualTo(minutes * MIN);
  }

  @ParameterizedTest(name = "pause at {0} min: [{1}]")
  @CsvSource({
    // k1 out 1..6, k2 out 16..21, k3 out 41..46 (minutes)
    "6, staging", // k1, staging's canary, ended: the pause; resumed, staging is not soaked again
    "7, staging",
    "5, ''", // k1 still out: the pause comes only once it ended
    "21, canary",
    "12, staging", // nothing of canary out yet: staging is still the running wave
    "16, staging", // k2 went out at the pause's instant: by the resumed run, after the pause
    "30, canary",
    "46, production",
  })
  void aPauseSkipsTheSoakOfTheWaveItEnded(long pauseMinute, String skipped) {
    Map<String, long[]> out =
        Map.of(
            "k1", new long[] {1 * MIN, 6 * MIN},
            "k2", new long[] {16 * MIN, 21 * MIN},
            "k3", new long[] {41 * MIN, 46 * MIN});
    Rollout rollout = FleetRollout.of(FLEET, HOSTS);
    assertThat(Measure.soaksSkipped(rollout, out, List.of(pauseMinute * MIN)))
        .isEqualTo(Set.of(skipped.isBlank() ? new String[0] : skipped.split(" ")));
  }

  @Test
  void withoutPauseEveryWaveSoaks() {
    Map<String, long[]> out = Map.of("k1", new long[] {MIN, 6 * MIN});
    assertThat(Measure.soaksSkipped(FleetRollout.of(FLEET, HOSTS), out, List.of())).isEmpty();
  }
}
