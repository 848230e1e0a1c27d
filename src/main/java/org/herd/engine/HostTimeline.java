package org.herd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.journal.StepRecord;

/**
 * Where one host's time went in a run, from its journal records: the time in each step (every
 * attempt), the time it waited between steps (for its turn, a gate, the others' downloads), the
 * time it was out of service (from the start of its drain to the end of its undrain) and the time
 * from its first step to its last. Steps still running count up to {@code now}.
 *
 * @param steps the time in each step that ran, in step order
 * @param waited the time between its steps, when none of them ran
 * @param outOfService from the start of its drain to the end of its undrain; empty when it was
 *     never drained
 * @param total from the start of its first step to the end of its last
 */
public record HostTimeline(
    Map<UpgradeStep, Duration> steps,
    Duration waited,
    Optional<Duration> outOfService,
    Duration total) {

  /** Freezes the map. */
  public HostTimeline {
    steps = java.util.Collections.unmodifiableMap(new EnumMap<>(steps));
  }

  /** The timeline of the host whose records these are (any order); empty records, empty map. */
  public static HostTimeline of(List<StepRecord> records, Instant now) {
    List<StepRecord> inTime =
        records.stream().sorted(Comparator.comparing(StepRecord::startedAt)).toList();
    Map<UpgradeStep, Duration> steps = new EnumMap<>(UpgradeStep.class);
    Duration waited = Duration.ZERO;
    Instant busyUntil = null;
    Instant first = null;
    Instant last = null;
    Instant drained = null;
    Instant undrained = null;
    for (StepRecord record : inTime) {
      Instant end = record.finishedAt().orElse(now);
      UpgradeStep step = UpgradeStep.ofJournalName(record.step());
      steps.merge(step, Duration.between(record.startedAt(), end), Duration::plus);
      if (busyUntil != null && record.startedAt().isAfter(busyUntil)) {
        waited = waited.plus(Duration.between(busyUntil, record.startedAt()));
      }
      busyUntil = busyUntil == null || end.isAfter(busyUntil) ? end : busyUntil;
      first = first == null ? record.startedAt() : first;
      last = last == null || end.isAfter(last) ? end : last;
      if (step == UpgradeStep.DRAIN && drained == null) {
        drained = record.startedAt();
      }
      if (step == UpgradeStep.UNDRAIN) {
        undrained = end;
      }
    }
    Optional<Duration> out =
        drained == null
            ? Optional.empty()
            : Optional.of(Duration.between(drained, undrained != null ? undrained : now));
    return new HostTimeline(
        steps, waited, out, first == null ? Duration.ZERO : Duration.between(first, last));
  }
}
