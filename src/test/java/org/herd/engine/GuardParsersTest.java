package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.herd.debian.HerdGuard;
import org.herd.journal.RunId;
import org.herd.transport.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard's pure parts: spool, restart list, rules, names, status answers. */
class GuardParsersTest {

  private static DeniedRequest denied(long at, String service, GuardAction action) {
    return new DeniedRequest(Instant.ofEpochSecond(at), service, action);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'1700000000\tnginx\trestart\n'|nginx.service|RESTART|0",
        "'1700000000\tnginx.service\tstart'|nginx.service|START|0",
        "'1\tfoo.socket\treload\n'|foo.socket|RELOAD|0",
        "'1\tx\tforce-reload\n\n'|x.service|FORCE_RELOAD|0",
        "'1\tx\ttry-restart\n1\tx\tstatus\n'|x.service|TRY_RESTART|1",
        "'1\tetcd\tstop\n'|etcd.service|STOP|0",
      })
  void parsesSpoolLines(String spool, String unit, GuardAction action, int warnings) {
    var parsed = DeniedRequest.parseSpool(spool);
    assertThat(parsed.value()).extracting(DeniedRequest::unit).containsExactly(unit);
    assertThat(parsed.value()).extracting(DeniedRequest::action).containsExactly(action);
    assertThat(parsed.warnings()).hasSize(warnings);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nginx restart",
        "x\tnginx\trestart",
        "1\t\trestart",
        "1\tnginx",
        "1\tnginx\trestart\tx",
        "1700000000\tngi"
      })
  void quotesWhatItCannotRead(String line) {
    var parsed = DeniedRequest.parseSpool(line + "\n");
    assertThat(parsed.value()).isEmpty();
    assertThat(parsed.warnings()).singleElement().asString().contains(line);
  }

  @Test
  void restartsOncePerUnitPlannedOrderFirst() {
    List<DeniedRequest> spool =
        List.of(
            denied(1, "redis-server", GuardAction.RESTART),
            denied(2, "nginx.service", GuardAction.RELOAD),
            denied(3, "etcd.service", GuardAction.RESTART),
            denied(4, "redis-server.service", GuardAction.START),
            denied(5, "nginx", GuardAction.FORCE_RELOAD),
            denied(6, "etcd", GuardAction.RELOAD));

    assertThat(ServiceRestarts.fromSpool(spool, List.of("etcd", "ssh", "redis-server.service")))
        .containsExactly(
            new ServiceRestarts.Restart("etcd.service", false),
            new ServiceRestarts.Restart("redis-server.service", false),
            new ServiceRestarts.Restart("nginx.service", true));
    assertThat(ServiceRestarts.fromSpool(List.of(), List.of("etcd"))).isEmpty();
  }

  private static CommandResult answer(String stdout, String stderr) {
    return new CommandResult(
        0, null, stdout.getBytes(), stderr.getBytes(), false, false, Duration.ZERO);
  }

  @ParameterizedTest
  @CsvSource({
    "false, false, 0, active, Restarted, restart",
    "false, true, 0, active, Restarted, try-restart",
    "true, false, 0, active, Restarted, reload-or-restart",
    "true, true, 0, active, Restarted, try-reload-or-restart",
    "false, true, 0, inactive, LeftStopped, try-restart",
    "false, false, 0, inactive, Failed, restart",
    "false, false, 1, failed, Failed, restart",
    "false, true, 5, unknown, Failed, try-restart",
    "false, false, 0, activating, Failed, restart",
  })
  void outcomes(
      boolean reload, boolean tryOnly, int exit, String state, String outcome, String verb) {
    String chosen = ServiceRestarts.verb(reload, tryOnly);
    RestartOutcome result =
        ServiceRestarts.outcome(
            "u.service", chosen, tryOnly, answer("@@herd " + exit + " " + state + "\n", "boom"));
    assertThat(chosen).isEqualTo(verb);
    assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
    assertThat(result.unit()).isEqualTo("u.service");
  }

  @Test
  void aRestartWithoutItsStatusLineFailsWithWhatSystemctlSaid() {
    RestartOutcome cut =
        ServiceRestarts.outcome(
            "u.service", "restart", false, answer("", "Failed to connect to bus"));
    assertThat(cut).isInstanceOf(RestartOutcome.Failed.class);
    assertThat(((RestartOutcome.Failed) cut).message()).isEqualTo("Failed to connect to bus");
    RestartOutcome garbled =
        ServiceRestarts.outcome("u.service", "restart", false, answer("@@herd x active\n", ""));
    assertThat(garbled).isInstanceOf(RestartOutcome.Failed.class);
    // Output of systemctl before the status line does not matter.
    assertThat(
            ServiceRestarts.outcome(
                "u.service", "restart", false, answer("noise\n@@herd 0 active\n", "")))
        .isInstanceOf(RestartOutcome.Restarted.class);
  }

  @Test
  void serviceNamesAreCheckedAndNormalised() {
    assertThat(
            ServiceGuard.serviceNames(
                List.of("nginx.service", "nginx", "foo@bar.service", "x.socket")))
        .containsExactly("nginx", "foo@bar", "x.socket");
    for (String bad : List.of("", "a b", "../x", "x;y", "-x", "a\nb")) {
      assertThatThrownBy(() -> ServiceGuard.serviceNames(List.of(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rulesDenyEveryGuardedActionOfExactlyTheService() {
    String rules =
        ServiceGuard.rules(RunId.of("r1"), List.of("foo+bar.x"), Instant.ofEpochSecond(100), false);
    assertThat(rules)
        .startsWith("# herd-guard: service guard of herd run r1, lease until 100 (")
        .contains("^foo\\+bar\\.x(\\.service)?$ restart deny\n")
        .contains("^foo\\+bar\\.x(\\.service)?$ try-restart deny\n")
        .doesNotContain(" stop deny");
    // Holding (installs ahead of the member's turn): stops are denied too.
    assertThat(
            ServiceGuard.rules(RunId.of("r1"), List.of("etcd"), Instant.ofEpochSecond(100), true))
        .contains("^etcd(\\.service)?$ start deny\n")
        .contains("^etcd(\\.service)?$ stop deny\n");
    assertThat("foo+bar.x.service").matches("foo\\+bar\\.x(\\.service)?");
    assertThat("fooobar.x").doesNotMatch("foo\\+bar\\.x(\\.service)?");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'absent\n\nno\n\n\n'|NONE|",
        "'present\n/usr/sbin/policy-rc.d\nno\n2000\nr1\n#!/bin/sh\n# herd-guard: x\n'|ACTIVE|r1",
        "'present\n/usr/sbin/policy-rc.d\nno\n1000\nr1\n#!/bin/sh\n# herd-guard: x\n'|STALE|r1",
        "'present\n/usr/sbin/policy-rc.d\nno\n\n\n#!/bin/sh\n# herd-guard: x\n'|BROKEN|",
        "'present\n/usr/sbin/policy-rc.d\nno\n\n\n#!/bin/sh\nexit 101\n'|NONE|",
        "'present\n/usr/sbin/policy-rc.d-declarative\nyes\n999\nr2\n#!/usr/bin/perl\n'|STALE|r2",
        "''|NONE|",
      })
  void readsTheStatusAnswer(String answer, HerdGuard.State state, String run) {
    HerdGuard guard = ServiceGuard.parseStatus(answer, Instant.ofEpochSecond(1000));
    assertThat(guard.state()).isEqualTo(state);
    assertThat(guard.run()).isEqualTo(run);
  }
}
