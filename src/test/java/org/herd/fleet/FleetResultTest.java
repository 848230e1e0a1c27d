package org.herd.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.fleet.Results.ended;
import static org.herd.fleet.Results.exited;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exit code of {@code herd run -S}: clush's maxrc, 255 for hosts that gave no answer. */
class FleetResultTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(List.of(), 0, true),
        Arguments.of(List.of(exited("a", 0, "")), 0, true),
        Arguments.of(List.of(exited("a", 0, ""), exited("b", 3, ""), exited("c", 1, "")), 3, false),
        Arguments.of(
            List.of(exited("a", 0, ""), ended("b", new HostOutcome.TimedOut())), 255, false),
        Arguments.of(
            List.of(exited("a", 2, ""), ended("b", new HostOutcome.Unreachable("connect timeout"))),
            255,
            false),
        Arguments.of(
            List.of(ended("b", new HostOutcome.Refused("host key changed", null))), 255, false),
        Arguments.of(List.of(ended("b", new HostOutcome.Failed(143, "SIGTERM"))), 143, false));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void maxExitCode(List<HostResult> results, int maxExitCode, boolean allOk) {
    FleetResult result = new FleetResult(results, false);
    assertThat(result.maxExitCode()).isEqualTo(maxExitCode);
    assertThat(result.allOk()).isEqualTo(allOk);
  }
}
