package org.herd.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.herd.debian.AptRelease;
import org.herd.debian.AptSimulation;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.debian.SimulatedInstall;
import org.herd.debian.SimulatedRemoval;

/** Invariants of the planner over random simulations and options. */
class PlannerProperties {

  private static final List<String> NAMES =
      List.of(
          "nginx", "etcd-server", "libssl3", "openssl", "linux-image-amd64", "redis", "galera-4");
  private static final AptRelease SECURITY =
      AptRelease.parse("Debian-Security:12/bookworm-security");
  private static final AptRelease REGULAR = AptRelease.parse("Debian:12.12/bookworm");

  @Provide
  Arbitrary<AptSimulation> simulations() {
    Arbitrary<SimulatedInstall> install =
        Combinators.combine(
                Arbitraries.of(NAMES),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(true, false))
            .as(
                (name, from, to, security) ->
                    new SimulatedInstall(
                        PackageName.parse(name),
                        from == 0 ? null : DebianVersion.parse(from + ".0-1"),
                        DebianVersion.parse(to + ".5-1"),
                        List.of(security ? SECURITY : REGULAR),
                        "amd64"));
    Arbitrary<SimulatedRemoval> removal =
        Arbitraries.of("oldlib1", "legacy-tool")
            .map(
                n -> new SimulatedRemoval(PackageName.parse(n), DebianVersion.parse("1.0"), false));
    return Combinators.combine(
            install.list().ofMaxSize(7).uniqueElements(i -> i.pkg()),
            removal.list().ofMaxSize(2).uniqueElements(r -> r.pkg()))
        .as((i, r) -> new AptSimulation(i, r, List.of(), 0, List.of(), List.of()));
  }

  @Provide
  Arbitrary<PlanOptions> options() {
    Arbitrary<List<PackageName>> names =
        Arbitraries.of(NAMES).map(PackageName::parse).list().ofMaxSize(3);
    return Combinators.combine(
            Arbitraries.of(true, false), names, names, Arbitraries.of(true, false))
        .as(PlanOptions::new);
  }

  private static HostPlan plan(AptSimulation sim, PlanOptions options) {
    return Planner.planHost(HostInput.of("h", sim), options);
  }

  @Property
  void theInstallsAndTheLeftOutPartitionTheUpgrade(
      @ForAll("simulations") AptSimulation sim, @ForAll("options") PlanOptions options) {
    HostPlan plan = plan(sim, options);

    Set<String> all =
        sim.installs().stream().map(i -> i.pkg() + "=" + i.candidate()).collect(Collectors.toSet());
    List<String> parts = new ArrayList<>(plan.pins());
    plan.leftOut().forEach(l -> parts.add(l.pkg() + "=" + l.version()));
    assertThat(parts).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
  }

  @Property
  void anExcludedPackageIsNeverPlanned(
      @ForAll("simulations") AptSimulation sim, @ForAll("options") PlanOptions options) {
    HostPlan plan = plan(sim, options);

    assertThat(plan.installs()).noneMatch(i -> options.exclude().contains(i.pkg()));
  }

  @Property
  void onlyRestrictsToTheNamedPackages(
      @ForAll("simulations") AptSimulation sim, @ForAll("options") PlanOptions options) {
    HostPlan plan = plan(sim, options);

    if (!options.only().isEmpty()) {
      assertThat(plan.installs()).allMatch(i -> options.only().contains(i.pkg()));
    }
  }

  @Property
  void securityOnlyPlansOnlySecurityUpdates(
      @ForAll("simulations") AptSimulation sim, @ForAll("options") PlanOptions options) {
    PlanOptions securityOnly =
        new PlanOptions(true, options.only(), options.exclude(), options.allowRemovals());

    HostPlan plan = plan(sim, securityOnly);

    assertThat(plan.installs())
        .allMatch(i -> i.classification() == PlannedInstall.Classification.SECURITY);
  }

  @Property
  void removalsAreNeverExecutableWithoutPermission(
      @ForAll("simulations") AptSimulation sim, @ForAll("options") PlanOptions options) {
    HostPlan plan = plan(sim, options);

    if (!plan.removals().isEmpty() && !options.allowRemovals()) {
      assertThat(plan.executable()).isFalse();
    }
  }

  @Property
  void theBasisCoversEveryTouchedPackageAtItsInstalledVersion(
      @ForAll("simulations") AptSimulation sim, @ForAll("options") PlanOptions options) {
    HostPlan plan = plan(sim, options);

    for (PlannedInstall install : plan.installs()) {
      assertThat(plan.basis().packages())
          .contains(new PlanBasis.InstalledVersion(install.pkg(), install.installed()));
    }
    assertThat(DriftCheck.check(plan, InstalledVersions.of(basisMap(plan))))
        .isEqualTo(new Drift.Matches());
  }

  private static java.util.Map<PackageName, DebianVersion> basisMap(HostPlan plan) {
    java.util.Map<PackageName, DebianVersion> map = new java.util.HashMap<>();
    plan.basis().packages().forEach(b -> map.put(b.pkg(), b.version()));
    return map;
  }

  @Property
  void planningIsDeterministicWhateverTheOrderOfHostsAndLines(
      @ForAll("simulations") AptSimulation a,
      @ForAll("simulations") AptSimulation b,
      @ForAll("options") PlanOptions options,
      @ForAll long seed) {
    Instant at = Instant.parse("2026-11-25T12:00:00Z");
    List<HostInput> hosts = List.of(HostInput.of("a", a), HostInput.of("b", b));
    List<HostInput> shuffled = new ArrayList<>();
    for (HostInput host : hosts) {
      List<SimulatedInstall> installs = new ArrayList<>(host.upgrade().installs());
      Collections.shuffle(installs, new Random(seed));
      shuffled.add(
          HostInput.of(
              host.host(),
              new AptSimulation(
                  installs, host.upgrade().removals(), List.of(), 0, List.of(), List.of())));
    }
    Collections.shuffle(shuffled, new Random(seed));

    String one = PlanJson.write(Planner.plan(hosts, options, at, "1.0"));
    String two = PlanJson.write(Planner.plan(shuffled, options, at, "1.0"));

    assertThat(two).isEqualTo(one);
    assertThat(PlanJson.read(one)).isEqualTo(Planner.plan(hosts, options, at, "1.0"));
  }
}
