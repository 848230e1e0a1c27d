package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeOutputTest {

  private static final String N = "c0ffee";

  @Test
  void splitsSectionsFilesAndExitCodes() {
    ProbeOutput out =
        ProbeOutput.read(
            String.join(
                "\n",
                "@@herd-probe 1 c0ffee@@",
                "@@herd-c0ffee section a@@",
                "x=1",
                "",
                "@@herd-c0ffee end a 0@@",
                "@@herd-c0ffee section b@@",
                "present=yes",
                "@@herd-c0ffee file /etc/one@@",
                "line 1",
                "@@herd-c0ffee file /etc/two@@",
                "line 2",
                "",
                "@@herd-c0ffee end b 3@@",
                "@@herd-c0ffee done@@",
                ""));

    assertThat(out.protocol()).isEqualTo(1);
    assertThat(out.complete()).isTrue();
    assertThat(out.warnings()).isEmpty();
    assertThat(out.section("a").lines()).containsExactly("x=1");
    assertThat(out.section("a").value("x")).isEqualTo("1");
    assertThat(out.section("a").exitCode()).isZero();
    assertThat(out.section("b").lines()).containsExactly("present=yes");
    assertThat(out.section("b").files())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("/etc/one", "line 1\n"),
            org.assertj.core.api.Assertions.entry("/etc/two", "line 2\n"));
    assertThat(out.section("b").exitCode()).isEqualTo(3);
  }

  @Test
  void markersWithAnotherNonceAreContent() {
    ProbeOutput out =
        ProbeOutput.read(
            "@@herd-probe 1 "
                + N
                + "@@\n@@herd-"
                + N
                + " section a@@\n"
                + "@@herd-deadbeef end a 0@@\n@@herd-deadbeef section evil@@\n"
                + "@@herd-"
                + N
                + " end a 0@@\n@@herd-"
                + N
                + " done@@\n");

    assertThat(out.sections()).containsOnlyKeys("a");
    assertThat(out.section("a").lines())
        .containsExactly("@@herd-deadbeef end a 0@@", "@@herd-deadbeef section evil@@");
  }

  @Test
  void aCutOutputKeepsWhatItHasAndSaysSo() {
    ProbeOutput out =
        ProbeOutput.read("@@herd-probe 1 " + N + "@@\n@@herd-" + N + " section a@@\nx=1\n");

    assertThat(out.complete()).isFalse();
    assertThat(out.section("a").exitCode()).isNull();
    assertThat(out.section("a").value("x")).isEqualTo("1");
    assertThat(out.warnings())
        .containsExactly(
            "section a was cut (no end marker)", "the probe did not finish (no 'done' marker)");
  }

  @Test
  void noProbeAtAll() {
    ProbeOutput out = ProbeOutput.read("sh: 1: probe: not found\n");

    assertThat(out.protocol()).isZero();
    assertThat(out.sections()).isEmpty();
    assertThat(out.warnings())
        .containsExactly(
            "before the probe's first line: sh: 1: probe: not found",
            "no probe output (no '@@herd-probe' line)");
  }
}
