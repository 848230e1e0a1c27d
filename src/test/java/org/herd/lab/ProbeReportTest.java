package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeReportTest {

  private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

  /**
   * Writes from a pattern: one letter per 100 ms tick, {@code o} ok (10 ms), {@code x} failed (10
   * ms), {@code s} ok but slow (1.5 s, later ticks shift).
   */
  static List<ProbeWrite> writes(String pattern) {
    List<ProbeWrite> writes = new ArrayList<>();
    Instant at = T0;
    long seq = 0;
    for (char c : pattern.toCharArray()) {
      Duration took = c == 's' ? Duration.ofMillis(1500) : Duration.ofMillis(10);
      boolean ok = c != 'x';
      writes.add(
          new ProbeWrite(++seq, at, at.plus(took), ok, ok ? "lab-1" : "", ok ? "" : "refused"));
      at = at.plus(took.compareTo(Duration.ofMillis(100)) > 0 ? took : Duration.ofMillis(100));
    }
    return writes;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", 0, 0, 0L, 0L),
        Arguments.of("ooooo", 5, 0, 0L, 100L),
        // fails at 100 ms, next ok write ends at 310 ms; acknowledgements at 10 and 310 ms
        Arguments.of("oxxoo", 5, 2, 210L, 300L),
        // the longer of two outages
        Arguments.of("oxoxxxoo", 8, 4, 310L, 400L),
        // an outage still going at the end: to the end of the last write, for both
        Arguments.of("ooxx", 4, 2, 110L, 200L),
        // a slow success is no window (a member accepted it), but a gap
        Arguments.of("osoo", 4, 0, 0L, 1590L),
        Arguments.of("xxxx", 4, 4, 310L, 0L));
  }

  @ParameterizedTest(name = "writes [{0}]")
  @MethodSource("cases")
  void figures(String pattern, int attempted, int failed, long windowMillis, long gapMillis) {
    ProbeReport report = new ProbeReport(writes(pattern), Optional.empty());
    assertThat(report.attempted()).isEqualTo(attempted);
    assertThat(report.failed()).isEqualTo(failed);
    assertThat(report.longestWindow()).isEqualTo(Duration.ofMillis(windowMillis));
    assertThat(report.largestGap()).isEqualTo(Duration.ofMillis(gapMillis));
  }

  @ParameterizedTest(name = "writes [{0}]")
  @MethodSource("cases")
  void failuresAndAcknowledgementsAddUp(
      String pattern, int attempted, int failed, long windowMillis, long gapMillis) {
    ProbeReport report = new ProbeReport(writes(pattern), Optional.empty());
    int acknowledged = report.acknowledgedBy().values().stream().mapToInt(Integer::intValue).sum();
    int refused = report.failures().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(acknowledged + refused).isEqualTo(attempted);
    assertThat(refused).isEqualTo(failed);
  }

  @org.junit.jupiter.api.Test
  void theLongestWindowSaysWhenItBegan() {
    assertThat(new ProbeReport(writes("oxoxxxoo"), Optional.empty()).longestWindowStart())
        .contains(T0.plusMillis(300));
    assertThat(new ProbeReport(writes("ooo"), Optional.empty()).longestWindowStart()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aLostWriteIsAnAcknowledgedOneTheClusterDoesNotHold() {
    // writes 1, 4, 5 acknowledged; 2 and 3 failed (the cluster may or may not hold them)
    List<ProbeWrite> writes = writes("oxxoo");
    assertThat(new ProbeReport(writes, Optional.of(Set.of(1L, 4L, 5L))).lost()).contains(0);
    assertThat(new ProbeReport(writes, Optional.of(Set.of(1L, 2L, 5L))).lost()).contains(1);
    assertThat(new ProbeReport(writes, Optional.empty()).lost()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void summaryReadsAsASentence() {
    ProbeReport report = new ProbeReport(writes("oxxoo"), Optional.of(Set.of(1L, 4L, 5L)));
    assertThat(report.summary())
        .isEqualTo(
            "5 writes, 2 failed, longest window 0.2 s, largest gap 0.3 s, 0 acknowledged lost");
    assertThat(report.acknowledgedBy()).isEqualTo(Map.of("lab-1", 3));
  }

  @org.junit.jupiter.api.Test
  void etcdPutsOneKeyPerWriteAndReadsThePrefixBack() throws Exception {
    assertThat(EtcdProbeTarget.body(42))
        .isEqualTo("{\"key\":\"aGVyZC1wcm9iZS80Mg==\",\"value\":\"NDI=\"}");
    // herd-probe/ .. herd-probe0: every key of the prefix
    assertThat(EtcdProbeTarget.rangeBody())
        .isEqualTo(
            "{\"key\":\"aGVyZC1wcm9iZS8=\",\"range_end\":\"aGVyZC1wcm9iZTA=\",\"keys_only\":true}");
    String answer =
        "{\"header\":{},\"kvs\":[{\"key\":\"aGVyZC1wcm9iZS80Mg==\"},{\"key\":\"aGVyZC1wcm9iZS83\"}],"
            + "\"count\":\"2\"}";
    assertThat(EtcdProbeTarget.sequences(answer)).containsExactly(7L, 42L);
    assertThat(EtcdProbeTarget.sequences("{\"header\":{}}")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void galeraUrlIsOneMemberWithTheTrysTimeouts() {
    assertThat(GaleraProbeTarget.url(new LabHost("lab-1", 1, "10.213.0.11"), Duration.ofSeconds(1)))
        .startsWith("jdbc:mariadb://10.213.0.11:3306/herd_probe?")
        .contains("connectTimeout=1000")
        .contains("socketTimeout=1000");
  }
}
