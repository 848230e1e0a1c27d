package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.plan.HostPlan;
import org.herd.plan.PlanBasis;
import org.herd.plan.PlannedInstall;
import org.herd.plan.PlannedRemoval;
import org.herd.plan.RebootRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The apt-get command lines, precheck output and apt failure lines the apt steps rely on. */
class AptCommandsTest {

  private static PlannedInstall install(
      String name, String from, String to, PlannedInstall.Action action) {
    return new PlannedInstall(
        PackageName.parse(name),
        from == null ? null : DebianVersion.parse(from),
        DebianVersion.parse(to),
        action,
        PlannedInstall.Classification.REGULAR,
        List.of(),
        List.of());
  }

  private static HostPlan plan(List<PlannedInstall> installs, List<PlannedRemoval> removals) {
    return new HostPlan(
        "web1",
        installs,
        removals,
        List.of(),
        List.of(),
        RebootRule.of(installs),
        PlanBasis.of(List.of()),
        List.of(),
        true);
  }

  @Test
  void installPinsEveryPackageAndRemovesWithASuffix() {
    HostPlan plan =
        plan(
            List.of(
                install("nginx", "1.22.1-9", "1.22.1-9+deb12u1", PlannedInstall.Action.UPGRADE),
                install("libnew1", null, "1.0-1", PlannedInstall.Action.NEW)),
            List.of(
                new PlannedRemoval(
                    PackageName.parse("oldlib0"), DebianVersion.parse("0.9-1"), false)));
    assertThat(AptSettings.DEFAULT.aptGet(plan, null))
        .containsExactly(
            "apt-get",
            "-q",
            "-y",
            "-o",
            "DPkg::Lock::Timeout=120",
            "-o",
            "Dpkg::Options::=--force-confdef",
            "-o",
            "Dpkg::Options::=--force-confold",
            "--no-install-recommends",
            "install",
            "libnew1=1.0-1",
            "nginx=1.22.1-9+deb12u1",
            "oldlib0-");
    assertThat(AptSettings.DEFAULT.aptGet(plan, "--download-only"))
        .contains("--download-only")
        .doesNotContain("oldlib0-")
        .endsWith("libnew1=1.0-1", "nginx=1.22.1-9+deb12u1");
  }

  @Test
  void aDowngradeIsAllowedExplicitly() {
    HostPlan plan =
        plan(
            List.of(
                install("nginx", "1.22.1-9+deb12u1", "1.22.1-9", PlannedInstall.Action.DOWNGRADE)),
            List.of());
    assertThat(AptSettings.DEFAULT.aptGet(plan, null)).contains("--allow-downgrades");
  }

  @Test
  void dpkgOptionsAreOnlyForceOptions() {
    assertThatThrownBy(() -> new AptSettings(List.of("--force-confnew; rm -rf /"), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void precheckReportNamesEveryProblem() {
    PrecheckReport report =
        PrecheckReport.parse(
            String.join(
                "\n",
                "audit The following packages are only half configured, probably due to problems",
                "audit ",
                "audit  herd-lab-failing     herd lab fixture",
                "lock /var/lib/dpkg/lock-frontend 4242",
                "space / 9000000",
                "space /var 51200",
                "dpkg nginx\tamd64\t1.22.1-9\tii ",
                "dpkg dpkg-query: no packages found matching libnew1",
                ""));
    assertThat(report.problems())
        .containsExactly(
            "dpkg --audit reports problems: The following packages are only half configured,"
                + " probably due to problems /  herd-lab-failing     herd lab fixture",
            "/var/lib/dpkg/lock-frontend is held by process 4242",
            "only 50 MiB free on /var (herd wants 100 MiB)");
    assertThat(report.installed().version(PackageName.parse("nginx")))
        .isEqualTo(DebianVersion.parse("1.22.1-9"));
    assertThat(report.installed().reported(PackageName.parse("libnew1"))).isTrue();
    assertThat(report.installed().version(PackageName.parse("libnew1"))).isNull();
  }

  @Test
  void aHealthyHostHasNoProblem() {
    assertThat(PrecheckReport.parse("space / 9000000\nspace /var 9000000\n").problems()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "E: Sub-process /usr/bin/dpkg returned an error code (1)|apt-get install exited with status 100: E: Sub-process /usr/bin/dpkg returned an error code (1)",
        "Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 77 (apt-get)|apt-get install exited with status 100: Waiting for cache lock: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 77 (apt-get)",
        "Setting up foo (1.0-2) ...|apt-get install exited with status 100",
      })
  void aptFailuresAreTheirOwnErrorLine(String output, String expected) {
    assertThat(
            InstallSteps.aptFailure("apt-get install", 100, "Reading package lists...\n" + output))
        .isEqualTo(expected);
  }
}
