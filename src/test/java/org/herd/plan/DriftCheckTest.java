package org.herd.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.plan.SamplePlans.pkg;
import static org.herd.plan.SamplePlans.v;
import static org.herd.plan.SamplePlans.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.herd.debian.DebianVersion;
import org.herd.debian.DpkgState;
import org.herd.debian.InstalledPackage;
import org.herd.debian.PackageName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The drift check against the basis of {@link SamplePlans#web}: nginx, etcd-server, libnew1. */
class DriftCheckTest {

  /** The basis of the sample plan, with one package changed ({@code "-"}: not installed). */
  private static InstalledVersions basisWith(String name, String version) {
    Map<PackageName, DebianVersion> now = new HashMap<>();
    now.put(pkg("nginx"), v("1.22.1-9"));
    now.put(pkg("etcd-server"), v("3.4.23-4+b1"));
    now.put(pkg("libnew1"), null);
    if (name != null) {
      if (version == null) {
        now.remove(pkg(name));
      } else {
        now.put(pkg(name), version.equals("-") ? null : v(version));
      }
    }
    return InstalledVersions.of(now);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "nginx",
            "1.22.1-8",
            Drift.Kind.CHANGED,
            "nginx: installed 1.22.1-8, the plan was made from 1.22.1-9"),
        Arguments.of(
            "nginx",
            "1.22.1-9+deb12u1",
            Drift.Kind.AT_PLANNED_VERSION,
            "nginx: already at the planned version 1.22.1-9+deb12u1 (the plan was made from"
                + " 1.22.1-9)"),
        Arguments.of(
            "nginx",
            "-",
            Drift.Kind.REMOVED,
            "nginx: not installed, the plan was made from 1.22.1-9"),
        Arguments.of(
            "libnew1",
            "0.9-1",
            Drift.Kind.INSTALLED,
            "libnew1: installed 0.9-1, the plan was made when it was not installed"),
        Arguments.of(
            "libnew1",
            "1.0-1",
            Drift.Kind.AT_PLANNED_VERSION,
            "libnew1: already at the planned version 1.0-1 (it was not installed when the plan was"
                + " made)"),
        Arguments.of(
            "etcd-server",
            null,
            Drift.Kind.NOT_REPORTED,
            "etcd-server: the probe did not report it"),
        // Same version for dpkg, but another string: apt identifies versions by their text.
        Arguments.of(
            "nginx",
            "0:1.22.1-9",
            Drift.Kind.CHANGED,
            "nginx: installed 0:1.22.1-9, the plan was made from 1.22.1-9"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("cases")
  void aChangedPackageIsADrift(String name, String version, Drift.Kind kind, String reason) {
    Drift drift = DriftCheck.check(web("h"), basisWith(name, version));

    assertThat(drift).isInstanceOf(Drift.Drifted.class);
    Drift.Drifted drifted = (Drift.Drifted) drift;
    assertThat(drifted.differences())
        .singleElement()
        .extracting(Drift.Difference::kind)
        .isEqualTo(kind);
    assertThat(drifted.reasons()).containsExactly(reason);
  }

  @Test
  void theUnchangedBasisMatches() {
    assertThat(DriftCheck.check(web("h"), basisWith(null, null))).isEqualTo(new Drift.Matches());
  }

  @Test
  void packagesOutsideTheBasisDoNotMatter() {
    Map<PackageName, DebianVersion> now = new HashMap<>();
    now.put(pkg("nginx"), v("1.22.1-9"));
    now.put(pkg("etcd-server"), v("3.4.23-4+b1"));
    now.put(pkg("libnew1"), null);
    now.put(pkg("bash"), v("5.2.15-2+b7"));

    assertThat(DriftCheck.check(web("h"), InstalledVersions.of(now)))
        .isEqualTo(new Drift.Matches());
  }

  @Test
  void dpkgQueryAnswersAreReadWithArchitectures() {
    List<InstalledPackage> found =
        List.of(
            new InstalledPackage(pkg("nginx"), "amd64", v("1.22.1-9"), (DpkgState) null),
            new InstalledPackage(pkg("etcd-server"), "amd64", v("3.4.23-4+b1"), null));

    Drift drift = DriftCheck.check(web("h"), InstalledVersions.of(found, List.of("libnew1")));

    assertThat(drift).isEqualTo(new Drift.Matches());
  }

  @Test
  void everyDifferenceIsReportedNotOnlyTheFirst() {
    Map<PackageName, DebianVersion> now = new HashMap<>();
    now.put(pkg("nginx"), v("1.0"));
    now.put(pkg("etcd-server"), v("2.0"));

    Drift drift = DriftCheck.check(web("h"), InstalledVersions.of(now));

    assertThat(((Drift.Drifted) drift).differences())
        .extracting(Drift.Difference::pkg)
        .containsExactly(pkg("etcd-server"), pkg("libnew1"), pkg("nginx"));
  }
}
