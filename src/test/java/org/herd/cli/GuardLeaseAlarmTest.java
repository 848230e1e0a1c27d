package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.herd.engine.GuardLeaseEvent;
import org.herd.engine.RunControl;
import org.herd.journal.RunId;
import org.herd.ops.GuardLeaseAlarm;
import org.junit.jupiter.api.Test;

/**
 * A guard lease that cannot be kept pauses the run and is told in every form of the progress
 * display, naming the host and the reason; its recovery is told and leaves the pause as it was.
 */
class GuardLeaseAlarmTest {

  private static final RunId RUN = RunId.of("20261203-160000-abc123");
  private static final Instant NOW = Instant.parse("2026-12-03T16:20:00Z");
  private static final GuardLeaseEvent AT_RISK =
      new GuardLeaseEvent.AtRisk(
          "web1", 2, "connection lost: no route to host", NOW.plusSeconds(300));
  private static final GuardLeaseEvent RENEWED =
      new GuardLeaseEvent.Renewed("web1", 3, NOW.plusSeconds(900));

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final RunControl control = new RunControl();

  private GuardLeaseAlarm alarm(RunProgress.Form form) {
    CliContext context =
        new CliContext(
            new PrintWriter(out),
            new PrintWriter(err),
            Map.of(),
            Path.of("."),
            Terminal.plain(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    return new GuardLeaseAlarm(RUN, new RunProgress(form, context, 3), control);
  }

  @Test
  void aGuardAtRiskPausesTheRunAndSaysWhyOnStderr() {
    alarm(RunProgress.Form.LINES).accept(AT_RISK);

    assertThat(control.requested()).isEqualTo(RunControl.Request.PAUSE);
    assertThat(err.toString())
        .contains("herd: the service guard on web1 could not be renewed 2 times in a row")
        .contains("connection lost: no route to host")
        .contains("2026-12-03T16:25:00Z")
        .contains("pausing (herd resume " + RUN + ")");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aGuardRenewedAgainIsToldAndTheRunStaysPaused() {
    GuardLeaseAlarm alarm = alarm(RunProgress.Form.TERMINAL);
    alarm.accept(AT_RISK);
    alarm.accept(RENEWED);

    assertThat(control.requested()).isEqualTo(RunControl.Request.PAUSE);
    assertThat(err.toString())
        .contains("the service guard on web1 is renewed again after 3 failed renewals");
  }

  @Test
  void aRenewalAloneDoesNotPause() {
    alarm(RunProgress.Form.LINES).accept(RENEWED);
    assertThat(control.requested()).isEqualTo(RunControl.Request.NONE);
  }

  @Test
  void inJsonEachIsAnEventOnStdout() {
    GuardLeaseAlarm alarm = alarm(RunProgress.Form.JSON);
    alarm.accept(AT_RISK);
    alarm.accept(RENEWED);

    String[] lines = out.toString().strip().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .contains("\"event\":\"guardLeaseAtRisk\"")
        .contains("\"host\":\"web1\"")
        .contains("\"reason\":\"connection lost: no route to host\"")
        .contains("\"expires\":\"2026-12-03T16:25:00Z\"")
        .contains("\"then\":\"pausing (herd resume " + RUN + ")\"");
    assertThat(lines[1])
        .contains("\"event\":\"guardLeaseRenewed\"")
        .contains("\"until\":\"2026-12-03T16:35:00Z\"");
    assertThat(err.toString()).contains("herd: the service guard on web1");
  }
}
