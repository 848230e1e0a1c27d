package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.herd.journal.RunId;
import org.herd.journal.StepOutcome;
import org.herd.journal.StepRecord;
import org.junit.jupiter.api.Test;

class HostTimelineTest {

  private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

  /** A record of {@code step} from {@code from} to {@code to} seconds (to &lt; 0: running). */
  private static StepRecord step(String step, double from, double to) {
    return new StepRecord(
        RunId.of("r1"),
        "h1",
        step,
        1,
        at(from),
        to < 0 ? Optional.empty() : Optional.of(at(to)),
        to < 0 ? Optional.empty() : Optional.of(StepOutcome.OK),
        "");
  }

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  @Test
  void anInstallAheadWaitsForItsTurnAndIsOutOnlyFromDrainToUndrain() {
    List<StepRecord> records =
        new ArrayList<>(
            List.of(
                step("download", 0, 0.5),
                step("precheck", 0.6, 0.7),
                step("guard", 0.7, 0.8),
                step("install", 0.8, 4.8),
                // its turn comes after the member before it: 2.2 s of waiting
                step("drain", 7.0, 7.1),
                step("restart", 7.1, 7.4),
                step("reboot", 7.4, 7.4),
                step("health", 7.4, 7.7),
                step("undrain", 7.7, 7.7),
                step("unguard", 7.7, 7.8),
                step("verify", 7.8, 7.9)));
    java.util.Collections.shuffle(records, new java.util.Random(7));

    HostTimeline timeline = HostTimeline.of(records, at(100));

    assertThat(timeline.steps().get(UpgradeStep.INSTALL)).isEqualTo(Duration.ofSeconds(4));
    assertThat(timeline.waited()).isEqualTo(Duration.ofMillis(100 + 2200));
    assertThat(timeline.outOfService()).contains(Duration.ofMillis(700));
    assertThat(timeline.total()).isEqualTo(Duration.ofMillis(7900));
  }

  @Test
  void attemptsAddUpAndARunningStepCountsToNow() {
    HostTimeline timeline =
        HostTimeline.of(
            List.of(
                step("install", 0, 2),
                new StepRecord(
                    RunId.of("r1"),
                    "h1",
                    "install",
                    2,
                    at(3),
                    Optional.empty(),
                    Optional.empty(),
                    "")),
            at(5));

    assertThat(timeline.steps()).containsEntry(UpgradeStep.INSTALL, Duration.ofSeconds(4));
    assertThat(timeline.waited()).isEqualTo(Duration.ofSeconds(1));
    assertThat(timeline.outOfService()).isEmpty();
    assertThat(timeline.total()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aHostDrainedAndNotYetUndrainedIsOutUntilNow() {
    HostTimeline timeline =
        HostTimeline.of(List.of(step("drain", 1, 1.5), step("install", 1.5, -1)), at(10));

    assertThat(timeline.outOfService()).contains(Duration.ofSeconds(9));
    assertThat(HostTimeline.of(List.of(), at(10)).total()).isZero();
  }
}
