package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.herd.journal.RunId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrashedHolderTest {

  private static final RunId RUN = RunId.of("20261203-160000-abc123");
  private static final String STARTED = "2026-12-03T16:00:00.120Z";

  /** pid 100 runs, started at STARTED; pid 200 runs with another start; pid 300 unreadable. */
  private static final ProcessTable PROCESSES =
      pid -> {
        Map<Long, Optional<Instant>> running =
            Map.of(
                100L, Optional.of(Instant.parse(STARTED)),
                101L, Optional.of(Instant.parse("2026-12-03T16:00:00.600Z")),
                200L, Optional.of(Instant.parse("2026-12-03T17:30:00Z")),
                300L, Optional.empty());
        return Optional.ofNullable(running.get(pid));
      };

  static Stream<Arguments> holders() {
    String run = " run=" + RUN;
    return Stream.of(
        Arguments.of("pid gone", "al@ops1 pid=999 started=" + STARTED + run, true),
        Arguments.of("pid gone, no start recorded", "al@ops1 pid=999" + run, true),
        Arguments.of("pid reused later", "al@ops1 pid=200 started=" + STARTED + run, true),
        Arguments.of("same process", "al@ops1 pid=100 started=" + STARTED + run, false),
        Arguments.of("start within rounding", "al@ops1 pid=101 started=" + STARTED + run, false),
        Arguments.of("alive, no start recorded", "al@ops1 pid=200" + run, false),
        Arguments.of("alive, start unreadable", "al@ops1 pid=300 started=" + STARTED + run, false),
        Arguments.of("other machine", "al@ops2 pid=999 started=" + STARTED + run, false),
        Arguments.of("other run", "al@ops1 pid=999 run=20261203-150000-ffffff", false),
        Arguments.of("not a run", "al@ops1 pid=999 started=" + STARTED, false),
        Arguments.of("foreign holder text", "someone else's lock", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holders")
  void onlyADeadHolderOfThisRunOnThisMachineIsCrashed(String why, String holder, boolean crashed) {
    Optional<String> verdict = CrashedHolder.why(holder, "ops1", RUN, PROCESSES);

    assertThat(verdict.isPresent()).as(why).isEqualTo(crashed);
    verdict.ifPresent(words -> assertThat(words).startsWith("process "));
  }
}
