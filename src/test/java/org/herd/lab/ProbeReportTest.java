package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Arguments.of("", 0, 0, 0L),
        Arguments.of("ooooo", 5, 0, 0L),
        // fails at 100 ms, next ok write ends at 310 ms
        Arguments.of("oxxoo", 5, 2, 210L),
        // the longer of two outages
        Arguments.of("oxoxxxoo", 8, 4, 310L),
        // an outage still going at the end: to the end of the last write
        Arguments.of("ooxx", 4, 2, 110L),
        // a slow success counts for its own duration
        Arguments.of("osoo", 4, 0, 1500L),
        Arguments.of("xxxx", 4, 4, 310L));
  }

  @ParameterizedTest(name = "writes [{0}]")
  @MethodSource("cases")
  void figures(String pattern, int attempted, int failed, long longestMillis) {
    ProbeReport report = new ProbeReport(writes(pattern));
    assertThat(report.attempted()).isEqualTo(attempted);
    assertThat(report.failed()).isEqualTo(failed);
    assertThat(report.longestUnavailable()).isEqualTo(Duration.ofMillis(longestMillis));
  }

  @ParameterizedTest(name = "writes [{0}]")
  @MethodSource("cases")
  void failuresAndAcknowledgementsAddUp(
      String pattern, int attempted, int failed, long longestMillis) {
    ProbeReport report = new ProbeReport(writes(pattern));
    int acknowledged = report.acknowledgedBy().values().stream().mapToInt(Integer::intValue).sum();
    int refused = report.failures().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(acknowledged + refused).isEqualTo(attempted);
    assertThat(refused).isEqualTo(failed);
  }

  @org.junit.jupiter.api.Test
  void summaryReadsAsASentence() {
    ProbeReport report = new ProbeReport(writes("oxxoo"));
    assertThat(report.summary()).isEqualTo("5 writes, 2 failed, longest unavailability 0.2 s");
    assertThat(report.acknowledgedBy()).isEqualTo(Map.of("lab-1", 3));
  }

  @org.junit.jupiter.api.Test
  void etcdPutBodyIsBase64() {
    assertThat(EtcdProbeTarget.body(42))
        .isEqualTo("{\"key\":\"aGVyZC1wcm9iZQ==\",\"value\":\"NDI=\"}");
  }

  @org.junit.jupiter.api.Test
  void galeraUrlListsEveryMemberForSequentialFailover() {
    List<LabHost> members =
        List.of(new LabHost("lab-1", 1, "10.213.0.11"), new LabHost("lab-2", 2, "10.213.0.12"));
    assertThat(GaleraProbeTarget.url(members))
        .startsWith("jdbc:mariadb:sequential://10.213.0.11:3306,10.213.0.12:3306/herd_probe?");
  }
}
