package org.herd.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.plan.SamplePlans.pkg;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.herd.debian.AptSimulation;
import org.herd.debian.AptSimulationParser;
import org.herd.debian.PackageName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The planner's rules, on apt-get -s output as apt prints it. */
class PlannerTest {

  private static final String NGINX_SEC =
      "Inst nginx [1.22.1-9] (1.22.1-9+deb12u1 Debian-Security:12/bookworm-security [amd64])";
  private static final String ETCD =
      "Inst etcd-server [3.4.23-4+b1] (3.4.23-4+b1+lab1 Debian:12.12/bookworm [amd64])";
  private static final String LIBNEW = "Inst libnew1 (1.0-1 Debian:12.12/bookworm [amd64])";
  private static final String KERNEL =
      "Inst linux-image-6.1.0-30-amd64 (6.1.124-1 Debian-Security:12/bookworm-security [amd64])";
  private static final String REMOVE = "Remv oldpkg [0.9-1]";

  static AptSimulation sim(String... lines) {
    return AptSimulationParser.parse(String.join("\n", lines) + "\n").value();
  }

  static PlanOptions options(String spec) {
    boolean security = false;
    boolean removals = false;
    List<PackageName> only = new java.util.ArrayList<>();
    List<PackageName> exclude = new java.util.ArrayList<>();
    for (String word : spec.isBlank() ? new String[0] : spec.split(" ")) {
      if (word.equals("--security-only")) {
        security = true;
      } else if (word.equals("--allow-removals")) {
        removals = true;
      } else if (word.startsWith("--only=")) {
        Arrays.stream(word.substring(7).split(",")).map(PackageName::parse).forEach(only::add);
      } else if (word.startsWith("--exclude=")) {
        Arrays.stream(word.substring(10).split(",")).map(PackageName::parse).forEach(exclude::add);
      } else {
        throw new IllegalArgumentException(word);
      }
    }
    return new PlanOptions(security, only, exclude, removals);
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        // options, simulation, planned pins, left out, refusal kinds
        Arguments.of(
            "",
            List.of(NGINX_SEC, ETCD, LIBNEW),
            "etcd-server=3.4.23-4+b1+lab1 libnew1=1.0-1 nginx=1.22.1-9+deb12u1",
            "",
            ""),
        Arguments.of(
            "--security-only",
            List.of(NGINX_SEC, ETCD),
            "nginx=1.22.1-9+deb12u1",
            "etcd-server:NOT_SECURITY",
            ""),
        Arguments.of(
            "--exclude=etcd-server",
            List.of(NGINX_SEC, ETCD),
            "nginx=1.22.1-9+deb12u1",
            "etcd-server:EXCLUDED",
            ""),
        Arguments.of(
            "--only=etcd-server",
            List.of(NGINX_SEC, ETCD),
            "etcd-server=3.4.23-4+b1+lab1",
            "nginx:NOT_SELECTED",
            ""),
        // --exclude wins over --only.
        Arguments.of(
            "--only=etcd-server,nginx --exclude=nginx",
            List.of(NGINX_SEC, ETCD),
            "etcd-server=3.4.23-4+b1+lab1",
            "nginx:EXCLUDED",
            ""),
        // A left-out new package is somebody's dependency: without a restricted simulation the
        // planner cannot tell whose, so it refuses the host.
        Arguments.of(
            "--exclude=libnew1",
            List.of(NGINX_SEC, ETCD, LIBNEW),
            "etcd-server=3.4.23-4+b1+lab1 nginx=1.22.1-9+deb12u1",
            "libnew1:EXCLUDED",
            "DEPENDENCY_LEFT_OUT"),
        // Nothing left to install: nothing depends on the left-out new package.
        Arguments.of("--only=foo", List.of(LIBNEW), "", "libnew1:NOT_SELECTED", ""),
        Arguments.of(
            "", List.of(ETCD, REMOVE), "etcd-server=3.4.23-4+b1+lab1", "", "REMOVALS_NOT_ALLOWED"),
        Arguments.of(
            "--allow-removals", List.of(ETCD, REMOVE), "etcd-server=3.4.23-4+b1+lab1", "", ""),
        // The removals went with the packages that were left out.
        Arguments.of("--only=nginx", List.of(ETCD, REMOVE), "", "etcd-server:NOT_SELECTED", ""),
        Arguments.of(
            "",
            List.of(ETCD, "E: Unable to correct problems, you have held broken packages."),
            "etcd-server=3.4.23-4+b1+lab1",
            "",
            "APT_ERRORS"),
        // An option without an architecture matches every architecture of the name.
        Arguments.of(
            "--exclude=libc6",
            List.of(
                "Inst libc6:i386 [2.36-9] (2.36-9+deb12u9 Debian:12.12/bookworm [i386])",
                "Inst libc6 [2.36-9] (2.36-9+deb12u9 Debian:12.12/bookworm [amd64])"),
            "",
            "libc6:EXCLUDED libc6:i386:EXCLUDED",
            ""),
        Arguments.of(
            "--exclude=libc6:i386",
            List.of(
                "Inst libc6:i386 [2.36-9] (2.36-9+deb12u9 Debian:12.12/bookworm [i386])",
                "Inst libc6 [2.36-9] (2.36-9+deb12u9 Debian:12.12/bookworm [amd64])"),
            "libc6=2.36-9+deb12u9",
            "libc6:i386:EXCLUDED",
            ""));
  }

  @ParameterizedTest(name = "[{0}] {1}")
  @MethodSource("selections")
  void optionsSelectAndRefuse(
      String options, List<String> simulation, String pins, String leftOut, String refusals) {
    HostPlan plan =
        Planner.planHost(
            HostInput.of("h", sim(simulation.toArray(String[]::new))), options(options));

    assertThat(String.join(" ", plan.pins())).isEqualTo(pins);
    assertThat(
            String.join(" ", plan.leftOut().stream().map(l -> l.pkg() + ":" + l.reason()).toList()))
        .isEqualTo(leftOut);
    assertThat(String.join(" ", plan.refusals().stream().map(r -> r.kind().name()).toList()))
        .isEqualTo(refusals);
    assertThat(plan.executable()).isEqualTo(refusals.isEmpty());
  }

  @Test
  void eachPackageCarriesItsClassificationActionAndBasis() {
    HostPlan plan =
        Planner.planHost(
            HostInput.of(
                "h",
                sim(
                    NGINX_SEC,
                    LIBNEW,
                    "Inst pinned [2.0-1] (1.9-1 Debian:12.12/bookworm [all])",
                    "Remv oldpkg [0.9-1]")),
            options("--allow-removals"));

    assertThat(plan.installs())
        .extracting(
            i -> i.pkg() + " " + i.action() + " " + i.classification() + " " + i.installed())
        .containsExactly(
            "libnew1 NEW REGULAR null",
            "nginx UPGRADE SECURITY 1.22.1-9",
            "pinned DOWNGRADE REGULAR 2.0-1");
    assertThat(plan.securityCount()).isEqualTo(1);
    assertThat(plan.removals()).extracting(r -> r.pkg().toString()).containsExactly("oldpkg");
    assertThat(plan.basis().packages())
        .extracting(b -> b.pkg() + "=" + b.version())
        .containsExactly("libnew1=null", "nginx=1.22.1-9", "oldpkg=0.9-1", "pinned=2.0-1");
    assertThat(plan.installs().get(1).releases())
        .containsExactly("Debian-Security:12/bookworm-security");
  }

  @Test
  void aKernelNeedsAReboot() {
    HostPlan plan = Planner.planHost(HostInput.of("h", sim(NGINX_SEC, KERNEL)), options(""));

    assertThat(plan.reboot().required()).isTrue();
    assertThat(plan.reboot().reasons()).containsExactly("linux-image-6.1.0-30-amd64: kernel");
    assertThat(Planner.planHost(HostInput.of("h", sim(NGINX_SEC)), options("")).reboot().required())
        .isFalse();
  }

  @Test
  void serviceUnitsComeFromTheInputAndSayWhetherTheyAreKnown() {
    HostInput input =
        HostInput.of("h", sim(NGINX_SEC, LIBNEW))
            .withServiceUnits(Map.of(pkg("nginx"), List.of("nginx.service")));

    HostPlan known = Planner.planHost(input, options(""));
    HostPlan unknown = Planner.planHost(HostInput.of("h", sim(NGINX_SEC)), options(""));

    assertThat(known.servicesKnown()).isTrue();
    assertThat(known.installs())
        .extracting(i -> i.pkg() + ":" + i.serviceUnits())
        .containsExactly("libnew1:[]", "nginx:[nginx.service]");
    assertThat(unknown.servicesKnown()).isFalse();
    assertThat(unknown.installs().get(0).serviceUnits()).isEmpty();
  }

  @Test
  void factsWithoutASimulationRefuseTheHost() {
    HostPlan plan =
        Planner.planHost(
            new HostInput("h", null, List.of("apt-get: not installed"), null, null), options(""));

    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.refusals())
        .containsExactly(
            new Refusal(
                Refusal.Kind.FACTS_INCOMPLETE,
                "no apt-get dist-upgrade simulation in the host's facts (apt-get: not"
                    + " installed)"));
  }

  @Test
  void aRestrictedSimulationDecidesDependenciesExactly() {
    HostInput input = HostInput.of("h", sim(NGINX_SEC, ETCD, LIBNEW));
    PlanOptions excludeLib = options("--exclude=libnew1");

    // apt needs libnew1 for etcd-server: refused, naming it and the option.
    HostPlan needs =
        Planner.planHost(input.withRestricted(sim(NGINX_SEC, ETCD, LIBNEW)), excludeLib);
    // apt installs the selection alone: libnew1 was only needed by something else.
    HostPlan alone = Planner.planHost(input.withRestricted(sim(NGINX_SEC, ETCD)), excludeLib);

    assertThat(needs.refusals())
        .containsExactly(
            new Refusal(
                Refusal.Kind.DEPENDENCY_LEFT_OUT,
                "installing the selection also installs libnew1=1.0-1, which --exclude left"
                    + " out"));
    assertThat(alone.executable()).isTrue();
    assertThat(alone.pins())
        .containsExactly("etcd-server=3.4.23-4+b1+lab1", "nginx=1.22.1-9+deb12u1");
  }

  @Test
  void aRestrictedSimulationsRemovalsReplaceTheFullUpgrades() {
    HostInput input =
        HostInput.of("h", sim(NGINX_SEC, ETCD, REMOVE)).withRestricted(sim(NGINX_SEC));

    HostPlan plan = Planner.planHost(input, options("--security-only"));

    assertThat(plan.removals()).isEmpty();
    assertThat(plan.executable()).isTrue();
  }

  @Test
  void hostsAreSortedAndTheTimeIsTheInjectedOne() {
    Instant at = Instant.parse("2026-11-25T12:00:00Z");
    Plan plan =
        Planner.plan(
            List.of(HostInput.of("web2", sim(ETCD)), HostInput.of("web1", sim(NGINX_SEC))),
            options(""),
            at,
            "1.0");

    assertThat(plan.hosts()).extracting(HostPlan::host).containsExactly("web1", "web2");
    assertThat(plan.created()).isEqualTo(at);
    assertThat(plan.formatVersion()).isEqualTo(Plan.FORMAT_VERSION);
  }
}
