package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.herd.journal.ProcessStart;
import org.herd.journal.RunId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrashedHolderTest {

  private static final RunId RUN = RunId.of("20261203-160000-abc123");
  private static final String PROC = "1a2b3c4d+4000";

  /**
   * pid 100 runs, started at PROC; pid 200 runs with a later start; pid 201 has PROC's ticks in
   * another boot; pid 300's start is unreadable.
   */
  private static final ProcessTable PROCESSES =
      pid -> {
        Map<Long, Optional<ProcessStart>> running =
            Map.of(
                100L, ProcessStart.parse(PROC),
                200L, ProcessStart.parse("1a2b3c4d+9000"),
                201L, ProcessStart.parse("99999999+4000"),
                300L, Optional.empty());
        return Optional.ofNullable(running.get(pid));
      };

  /** A holder's text as herd writes it; {@code started=} is for people and never compared. */
  private static String holder(long pid, String run) {
    return "al@ops1 pid=" + pid + " started=2026-12-03T16:00:00.120Z proc=" + PROC + run;
  }

  static Stream<Arguments> holders() {
    String run = " run=" + RUN;
    return Stream.of(
        Arguments.of("pid gone", holder(999, run), true),
        Arguments.of("pid gone, no start recorded", "al@ops1 pid=999" + run, true),
        Arguments.of("pid reused later", holder(200, run), true),
        Arguments.of("pid reused after a reboot", holder(201, run), true),
        Arguments.of("same process", holder(100, run), false),
        Arguments.of(
            "same process, wall clock stepped since",
            "al@ops1 pid=100 started=2026-12-03T16:00:03.690Z proc=" + PROC + run,
            false),
        Arguments.of("alive, no start recorded", "al@ops1 pid=200" + run, false),
        Arguments.of("alive, start unreadable", holder(300, run), false),
        Arguments.of("other machine", holder(999, run).replace("@ops1", "@ops2"), false),
        Arguments.of("other run", "al@ops1 pid=999 run=20261203-150000-ffffff", false),
        Arguments.of("not a run", holder(999, ""), false),
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
