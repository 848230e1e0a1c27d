package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.plan.HostPlan;
import org.herd.plan.PlanBasis;
import org.herd.plan.PlannedInstall;
import org.herd.plan.RebootRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestartRulesTest {

  private static final Map<String, Object> VARS =
      Map.of(
          "restart",
          Map.of("security", "now", "regular", "after-run"),
          "restart_services",
          Map.of("postgresql", "never", "nginx.service", Map.of("regular", "never")));

  static Stream<Arguments> choices() {
    return Stream.of(
        // vars, unit, security update?, expected
        Arguments.of(Map.of(), "ssh.service", true, RestartWhen.NOW),
        Arguments.of(Map.of(), "ssh.service", false, RestartWhen.NOW),
        Arguments.of(Map.of("restart", "never"), "ssh.service", true, RestartWhen.NEVER),
        Arguments.of(Map.of("restart", "after-run"), "ssh.service", false, RestartWhen.AFTER_RUN),
        Arguments.of(VARS, "ssh.service", true, RestartWhen.NOW),
        Arguments.of(VARS, "ssh.service", false, RestartWhen.AFTER_RUN),
        Arguments.of(VARS, "postgresql.service", true, RestartWhen.NEVER),
        Arguments.of(VARS, "postgresql.service", false, RestartWhen.NEVER),
        // a map without security: security defaults to now
        Arguments.of(VARS, "nginx.service", true, RestartWhen.NOW),
        Arguments.of(VARS, "nginx.service", false, RestartWhen.NEVER),
        Arguments.of(
            Map.of("restart_services", Map.of("app", "never")),
            "app.service",
            false,
            RestartWhen.NEVER),
        Arguments.of(
            Map.of("restart_services", Map.of("app.socket", "never")),
            "app.service",
            false,
            RestartWhen.NOW));
  }

  @ParameterizedTest(name = "{1} security={2} with {0}: {3}")
  @MethodSource("choices")
  void choosesByServiceThenHostThenKindOfUpdate(
      Map<String, Object> vars, String unit, boolean security, RestartWhen expected) {
    assertThat(RestartRules.fromVars(vars).when(unit, security)).isEqualTo(expected);
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of(
            Map.of("restart", "later"), "restart 'later': expected now, after-run or never"),
        Arguments.of(
            Map.of("restart", Map.of("critical", "now")),
            "restart: unknown kind 'critical', expected security or regular"),
        Arguments.of(Map.of("restart", 3), "restart: expected now, after-run, never"),
        Arguments.of(
            Map.of("restart_services", Map.of("pg", "soon")),
            "restart_services.pg: restart 'soon': expected now"),
        Arguments.of(Map.of("restart_services", "never"), "restart_services: expected a map"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void mistakesAreNamed(Map<String, Object> vars, String message) {
    assertThatThrownBy(() -> RestartRules.fromVars(vars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aUnitShippedByAPlannedSecurityUpdateIsASecurityRestart() {
    HostPlan plan =
        new HostPlan(
            "web1",
            List.of(
                install("nginx", PlannedInstall.Classification.SECURITY, "nginx.service"),
                install("app", PlannedInstall.Classification.REGULAR, "app.service")),
            List.of(),
            List.of(),
            List.of(),
            RebootRule.of(List.of()),
            PlanBasis.of(List.of()),
            List.of(),
            true);

    assertThat(RestartRules.touchedBySecurity(plan, "nginx")).isTrue();
    assertThat(RestartRules.touchedBySecurity(plan, "app.service")).isFalse();
    assertThat(RestartRules.touchedBySecurity(plan, "cron.service")).isFalse();
  }

  private static PlannedInstall install(
      String pkg, PlannedInstall.Classification kind, String unit) {
    return new PlannedInstall(
        PackageName.parse(pkg),
        DebianVersion.parse("1.0-1"),
        DebianVersion.parse("1.0-2"),
        PlannedInstall.Action.UPGRADE,
        kind,
        List.of("Debian:12/bookworm"),
        List.of(unit));
  }
}
