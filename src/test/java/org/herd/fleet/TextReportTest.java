package org.herd.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.fleet.Results.ended;
import static org.herd.fleet.Results.exited;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The reports of {@code herd run}, checked against what clush 1.9 prints for the same outputs. */
class TextReportTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private String render(boolean label, Consumer<TextReport> action) {
    TextReport report =
        new TextReport(
            new PrintWriter(out, true), new PrintWriter(err, true), Palette.PLAIN, label);
    action.accept(report);
    return out.toString();
  }

  /** n2,n3 print A; n10,n11 B; n12 C; the rest D: clush -b output, verbatim. */
  private static final List<HostResult> TWELVE =
      List.of(
          exited("n1", 0, "D"),
          exited("n2", 0, "A"),
          exited("n3", 0, "A"),
          exited("n4", 0, "D"),
          exited("n5", 0, "D"),
          exited("n6", 0, "D"),
          exited("n7", 0, "D"),
          exited("n8", 0, "D"),
          exited("n9", 0, "D"),
          exited("n10", 0, "B"),
          exited("n11", 0, "B"),
          exited("n12", 0, "C", "err"));

  @Test
  void gathersLikeClushDashB() {
    String printed = render(true, r -> r.gathered(Gathering.gather(TWELVE, false, false)));
    assertThat(printed)
        .isEqualTo(
            """
            ---------------
            n[1,4-9] (7)
            ---------------
            D
            ---------------
            n[10-11] (2)
            ---------------
            B
            ---------------
            n[2-3] (2)
            ---------------
            A
            ---------------
            n12
            ---------------
            C
            """);
  }

  @Test
  void ordersBlocksByExitCodeFirst() {
    List<HostResult> results =
        List.of(
            exited("n1", 0, "same"),
            exited("n2", 0, "same"),
            exited("n3", 0, "other\nline2"),
            exited("n4", 3, "same"),
            exited("n5", 0, "same"),
            exited("n6", 0, "same"));
    String printed = render(true, r -> r.gathered(Gathering.gather(results, false, false)));
    assertThat(printed)
        .isEqualTo(
            """
            ---------------
            n[1-2,5-6] (4)
            ---------------
            same
            ---------------
            n3
            ---------------
            other
            line2
            ---------------
            n4
            ---------------
            same
            """);
  }

  @Test
  void gatheringWithStderrGroupsTheVisibleLines() {
    List<HostResult> results =
        List.of(exited("n1", 0, "out", "err"), exited("n2", 0, "out\nerr"), exited("n3", 0, "out"));
    String printed = render(true, r -> r.gathered(Gathering.gather(results, true, false)));
    assertThat(printed)
        .isEqualTo(
            """
            ---------------
            n[1-2] (2)
            ---------------
            out
            err
            ---------------
            n3
            ---------------
            out
            """);
  }

  @Test
  void hostsWithoutOutputHaveNoBlock() {
    List<HostResult> results =
        List.of(
            exited("n1", 0, ""),
            exited("n2", 0, "x"),
            ended("n3", new HostOutcome.Unreachable("connection refused")));
    assertThat(render(true, r -> r.gathered(Gathering.gather(results, false, false))))
        .isEqualTo(
            """
            ---------------
            n2
            ---------------
            x
            """);
  }

  @Test
  void noLabelDropsTheHeaders() {
    List<HostResult> results =
        List.of(exited("n1", 0, "n1\nx"), exited("n2", 0, "n2\nx"), exited("n3", 0, "n3\nx"));
    assertThat(render(false, r -> r.gathered(Gathering.gather(results, false, false))))
        .isEqualTo("n1\nx\nn2\nx\nn3\nx\n");
  }

  @Test
  void lineModeSortsByExitCodeThenHost() {
    List<HostResult> results =
        List.of(
            exited("n10", 1, "B"),
            exited("n2", 0, "A"),
            exited("n1", 0, "D"),
            exited("n12", 0, "C", "err"),
            exited("n11", 1, "B"));
    assertThat(render(true, r -> r.sortedLines(results, false)))
        .isEqualTo("n1: D\nn2: A\nn12: C\nn10: B\nn11: B\n");
  }

  @Test
  void lineModeWithoutLabel() {
    List<HostResult> results = List.of(exited("n2", 0, "b"), exited("n1", 0, "a", "e"));
    assertThat(render(false, r -> r.sortedLines(results, true))).isEqualTo("a\ne\nb\n");
  }

  @Test
  void liveLinesGoToTheirStream() {
    render(
        true,
        r -> {
          r.line("n1", OutputLine.of(StreamKind.STDOUT, "hello"));
          r.line("n2", OutputLine.of(StreamKind.STDERR, "oops"));
        });
    assertThat(out.toString()).isEqualTo("n1: hello\n");
    assertThat(err.toString()).isEqualTo("n2: oops\n");
  }

  @Test
  void diffAgainstTheMostCommonOutput() {
    List<HostResult> results =
        List.of(
            exited("n1", 0, "D\nsame"),
            exited("n2", 0, "A\nsame"),
            exited("n3", 0, "A\nsame"),
            exited("n4", 0, "D\nsame"),
            exited("n5", 0, "D\nsame"));
    assertThat(render(true, r -> r.diff(Gathering.gather(results, false, true))))
        .isEqualTo(
            """
            --- n[1,4-5] (3)
            +++ n[2-3] (2)
            @@ -1,2 +1,2 @@
            -D
            +A
             same
            """);
  }

  @Test
  void diffPrefersTheLargestGroupOverTheLowestExitCode() {
    List<HostResult> results =
        List.of(exited("a1", 0, "x"), exited("b1", 1, "y"), exited("b2", 1, "y"));
    assertThat(render(true, r -> r.diff(Gathering.gather(results, false, true))))
        .isEqualTo(
            """
            --- b[1-2] (2)
            +++ a1
            @@ -1 +1 @@
            -y
            +x
            """);
  }

  @Test
  void diffShowsHostsWithoutOutput() {
    List<HostResult> results =
        List.of(exited("n1", 0, "x"), exited("n2", 0, "x"), exited("n3", 0, ""));
    assertThat(render(true, r -> r.diff(Gathering.gather(results, false, true))))
        .isEqualTo(
            """
            --- n[1-2] (2)
            +++ n3
            @@ -1 +0,0 @@
            -x
            """);
  }

  @Test
  void diffPrintsNothingWhenAllAgree() {
    List<HostResult> results = List.of(exited("n1", 0, "x"), exited("n2", 0, "x"));
    assertThat(render(true, r -> r.diff(Gathering.gather(results, false, true)))).isEmpty();
  }

  @Test
  void failuresAreFoldedPerReasonAndOrderedByExitCode() {
    List<HostResult> results =
        List.of(
            exited("n1", 0, "ok"),
            exited("n2", 3, ""),
            exited("n3", 1, ""),
            exited("n10", 1, ""),
            ended("n4", new HostOutcome.Unreachable("connection refused")),
            ended("n5", new HostOutcome.Unreachable("connection refused")),
            ended("n6", new HostOutcome.Unreachable("connection refused")),
            ended("n7", new HostOutcome.TimedOut(), "partial"),
            ended("n8", new HostOutcome.Refused("authentication failed", "tried publickey")),
            ended("n9", new HostOutcome.Interrupted()));
    assertThat(TextReport.failureLines(results, false))
        .containsExactly(
            "herd: n[3,10]: exited with exit code 1",
            "herd: n2: exited with exit code 3",
            "herd: n8: authentication failed",
            "herd: n8: tried publickey",
            "herd: n7: command timeout",
            "herd: n[4-6]: connection refused");
  }

  @Test
  void quietLeavesOutNonZeroExitsButNotUnreachableHosts() {
    List<HostResult> results =
        List.of(
            exited("n2", 3, ""), ended("n4", new HostOutcome.Unreachable("connection refused")));
    assertThat(TextReport.failureLines(results, true))
        .containsExactly("herd: n4: connection refused");
  }
}
