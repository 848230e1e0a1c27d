package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.herd.debian.AptSimulation;
import org.herd.debian.AptSimulationParser;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.herd.plan.HostPlan;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import org.herd.plan.PlannedInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd plan} on lab hosts with the lab's new suite: the planned set is exactly what {@code
 * apt-get -s dist-upgrade} says on each host, security updates are told apart by the archive's
 * label, and service units come from the installed packages.
 */
@ExtendWith(LabExtension.class)
class PlanIT {

  private static final String FIXTURES = "herd-lab-service herd-lab-security herd-lab-conffile";

  @TempDir Path dir;

  private static TreeSet<String> aptPins(TestLab lab, LabHost host) {
    String out = lab.sh(host, "LC_ALL=C apt-get -s -o Debug::NoLocking=1 dist-upgrade 2>&1");
    AptSimulation simulation = AptSimulationParser.parse(out).value();
    TreeSet<String> pins = new TreeSet<>();
    simulation.installs().forEach(i -> pins.add(i.pkg() + "=" + i.candidate()));
    return pins;
  }

  @Test
  @PristineHosts({1, 2})
  void thePlanIsWhatAptWouldDoOnEachHost(TestLab lab) throws Exception {
    LabHost one = lab.host(1);
    LabHost two = lab.host(2);
    List<String> names = List.of(one.name(), two.name());
    lab.sh(one, "apt-get install -y -q " + FIXTURES + " >/dev/null");
    lab.sh(two, "apt-get install -y -q herd-lab-service >/dev/null");
    CliRunner runner = new CliRunner(dir, Map.of("HOME", dir.toString()));
    try {
      lab.lab().suite(lab.name(), Suite.NEW);
      String nodes = one.name() + "," + two.name();

      CliRunner.Result result =
          runner.run(
              "--inventory",
              lab.inventory().toString(),
              "plan",
              "--refresh",
              nodes,
              "-o",
              "plan.json");

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      Plan plan = PlanJson.read(Files.readString(dir.resolve("plan.json")));
      assertThat(plan.hosts()).extracting(HostPlan::host).containsExactlyElementsOf(names);
      for (LabHost host : List.of(one, two)) {
        HostPlan hostPlan = plan.host(host.name()).orElseThrow();
        assertThat(new TreeSet<>(hostPlan.pins())).as(host.name()).isEqualTo(aptPins(lab, host));
        assertThat(hostPlan.executable()).isTrue();
        assertThat(hostPlan.servicesKnown()).isTrue();
      }
      HostPlan first = plan.host(one.name()).orElseThrow();
      assertThat(first.pins()).contains("herd-lab-service=1.0-2", "herd-lab-conffile=1.0-2");
      assertThat(first.installs())
          .filteredOn(i -> i.pkg().toString().equals("herd-lab-security"))
          .singleElement()
          .extracting(PlannedInstall::classification)
          .isEqualTo(PlannedInstall.Classification.SECURITY);
      assertThat(first.installs())
          .filteredOn(i -> i.pkg().toString().equals("herd-lab-service"))
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.classification()).isEqualTo(PlannedInstall.Classification.REGULAR);
                assertThat(i.serviceUnits()).containsExactly("herd-lab-service.service");
              });
      assertThat(result.out()).contains(one.name() + " (1): ").contains(two.name() + " (1): ");

      CliRunner.Result security =
          runner.run(
              "--inventory",
              lab.inventory().toString(),
              "plan",
              "--security-only",
              one.name(),
              "--json");

      assertThat(security.exitCode()).as(security.err()).isZero();
      HostPlan onlySecurity = PlanJson.read(security.out()).hosts().get(0);
      assertThat(onlySecurity.installs())
          .isNotEmpty()
          .allMatch(i -> i.classification() == PlannedInstall.Classification.SECURITY);
      assertThat(onlySecurity.leftOut()).isNotEmpty();
      assertThat(onlySecurity.executable()).isTrue();
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
      lab.lab().reset(lab.name(), names);
    }
  }
}
