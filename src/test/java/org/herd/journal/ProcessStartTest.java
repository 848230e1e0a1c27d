package org.herd.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessStartTest {

  private static final String BOOT = "1A2B3C4D-5e6f-4a1b-9c2d-0123456789ab".replace("-", "");

  static Stream<Arguments> stats() {
    String tail = " S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 987654 123 456";
    return Stream.of(
        Arguments.of("plain", "4242 (java)" + tail, Optional.of(987654L)),
        Arguments.of("name with spaces and parens", "4242 (a) (b c)" + tail, Optional.of(987654L)),
        Arguments.of("truncated", "4242 (java) S 1 2 3", Optional.empty()),
        Arguments.of("no name", "4242 java S", Optional.empty()),
        Arguments.of(
            "start not a number", "4242 (java)" + tail.replace("987654", "x"), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stats")
  void readsTheStartTicksFromField22(String why, String stat, Optional<Long> ticks) {
    Optional<ProcessStart> start = ProcessStart.fromStat(BOOT, stat);

    assertThat(start.map(ProcessStart::ticks)).as(why).isEqualTo(ticks);
    start.ifPresent(s -> assertThat(s.boot()).isEqualTo("1a2b3c4d"));
  }

  @Test
  void twoReadingsOfThisProcessAgreeAndItsTextReadsBack() {
    long self = ProcessHandle.current().pid();
    Optional<ProcessStart> first = ProcessStart.of(self);

    assertThat(first).isPresent().isEqualTo(ProcessStart.of(self));
    assertThat(ProcessStart.parse(first.orElseThrow().text())).isEqualTo(first);
    assertThat(ProcessStart.of(Long.MAX_VALUE)).isEmpty();
    assertThat(ProcessStart.parse("1a2b3c4d-12")).isEmpty();
  }
}
