package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.herd.fleet.HostOutcome;
import org.herd.fleet.HostResult;
import org.herd.fleet.OutputLine;
import org.herd.fleet.StreamKind;
import org.junit.jupiter.api.Test;

/** How one host's fan-out result becomes facts or a reason it has none. */
class FleetProbeTest {

  private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

  private static HostResult result(HostOutcome outcome, String stdout, String stderr) {
    List<OutputLine> lines = new java.util.ArrayList<>();
    stdout.lines().forEach(l -> lines.add(OutputLine.of(StreamKind.STDOUT, l)));
    stderr.lines().forEach(l -> lines.add(OutputLine.of(StreamKind.STDERR, l)));
    return new HostResult("n1", outcome, lines, false, Duration.ofSeconds(1));
  }

  @Test
  void aProbesOutputBecomesFactsEvenWhenTheProbeExitedNonZero() {
    String capture = FactsCaptures.read("devvm-root.txt");
    for (HostOutcome outcome : List.of(new HostOutcome.Ok(), new HostOutcome.Failed(1))) {
      ProbedHost probed = FleetProbe.outcome(result(outcome, capture, "noise"), AT);

      assertThat(probed).isInstanceOf(ProbedHost.Probed.class);
      ProbedHost.Probed p = (ProbedHost.Probed) probed;
      assertThat(p.collectedAt()).isEqualTo(AT);
      // Joined lines give back the capture: same facts as parsing it directly.
      assertThat(p.facts()).isEqualTo(HostProbe.parse(capture));
    }
  }

  @Test
  void noOutputOrNoProbeOutputIsNotProbedWithTheFleetsReason() {
    record Case(HostResult result, String reason) {}
    List<Case> cases =
        List.of(
            new Case(
                result(new HostOutcome.Unreachable("connection refused"), "", ""),
                "connection refused"),
            new Case(
                result(new HostOutcome.Failed(127), "", "sh: 1: sh: not found"),
                new HostOutcome.Failed(127).describe()),
            new Case(result(new HostOutcome.Ok(), "", ""), "no probe output"),
            new Case(
                result(new HostOutcome.Failed(2), "Welcome to host n1\n", ""),
                new HostOutcome.Failed(2).describe()));
    for (Case c : cases) {
      ProbedHost probed = FleetProbe.outcome(c.result(), AT);
      assertThat(probed).isEqualTo(new ProbedHost.NotProbed("n1", c.reason()));
    }
  }
}
