package org.herd.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each reboot policy decides for a host that needs a reboot and for one that does not. */
class RebootDecisionTest {

  private static final RebootNeed KERNEL =
      new RebootNeed(true, List.of("linux-image-6.1.0-30-amd64: kernel"));

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(RebootPolicy.NEVER, RebootNeed.none(), "no (--reboot never)"),
        Arguments.of(
            RebootPolicy.NEVER,
            KERNEL,
            "no (--reboot never; needed: linux-image-6.1.0-30-amd64: kernel)"),
        Arguments.of(RebootPolicy.IF_REQUIRED, KERNEL, "yes (linux-image-6.1.0-30-amd64: kernel)"),
        Arguments.of(
            RebootPolicy.IF_REQUIRED,
            RebootNeed.none(),
            "only if /run/reboot-required appears while it upgrades"),
        Arguments.of(RebootPolicy.ALWAYS, RebootNeed.none(), "yes (--reboot always)"),
        Arguments.of(RebootPolicy.ALWAYS, KERNEL, "yes (--reboot always)"));
  }

  @ParameterizedTest
  @MethodSource("table")
  void aPolicyDecidesFromTheHostsNeed(RebootPolicy policy, RebootNeed need, String said) {
    assertThat(RebootDecision.of(policy, need).describe()).isEqualTo(said);
  }

  @ParameterizedTest
  @MethodSource("table")
  void theVerdictIsYesExactlyWhenTheRunWillCertainlyReboot(
      RebootPolicy policy, RebootNeed need, String said) {
    RebootDecision decision = RebootDecision.of(policy, need);
    boolean certain =
        policy == RebootPolicy.ALWAYS || (policy == RebootPolicy.IF_REQUIRED && need.required());
    assertThat(decision.verdict() == RebootDecision.Verdict.YES).isEqualTo(certain);
    assertThat(decision.verdict() == RebootDecision.Verdict.IF_FLAGGED)
        .isEqualTo(policy == RebootPolicy.IF_REQUIRED && !need.required());
  }

  @ParameterizedTest
  @MethodSource("policies")
  void everyLabelReadsBackAsItsPolicy(RebootPolicy policy) {
    assertThat(RebootPolicy.of(policy.label())).isEqualTo(policy);
  }

  static Stream<RebootPolicy> policies() {
    return Stream.of(RebootPolicy.values());
  }
}
