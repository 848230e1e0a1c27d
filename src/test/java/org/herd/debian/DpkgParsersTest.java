package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.herd.debian.AuditProblem.Kind;
import org.junit.jupiter.api.Test;

class DpkgParsersTest {

  @Test
  void readsEveryParagraphOfARealAudit() {
    Parsed<List<AuditProblem>> parsed =
        DpkgAuditParser.parse(Captures.read("sandbox/dpkg-audit.txt"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value())
        .extracting(p -> p.pkg().name() + " " + p.kind())
        .containsExactly(
            "galera-4 REINSTALL_REQUIRED",
            "postgresql-15 UNPACKED",
            "rabbitmq-server HALF_CONFIGURED",
            "corosync HALF_INSTALLED",
            "libc-bin TRIGGERS_AWAITED",
            "man-db TRIGGERS_PENDING");
  }

  @Test
  void emptyAuditMeansHealthy() {
    assertThat(DpkgAuditParser.parse("").value()).isEmpty();
    assertThat(DpkgAuditParser.parse("\n").warnings()).isEmpty();
  }

  @Test
  void unknownParagraphsAreKeptAsOtherWithAWarning() {
    Parsed<List<AuditProblem>> parsed =
        DpkgAuditParser.parse(
            "The following packages are haunted:\n ghost                a ghost\n\n orphan  x\n");

    assertThat(parsed.value())
        .extracting(AuditProblem::kind)
        .containsExactly(Kind.OTHER, Kind.OTHER);
    assertThat(parsed.warnings()).hasSize(1);
  }

  @Test
  void missingControlFilesAreNotUpgradeBlockers() {
    assertThat(Kind.MISSING_MD5SUMS.blocksUpgrades()).isFalse();
    assertThat(Kind.HALF_CONFIGURED.blocksUpgrades()).isTrue();
  }

  @Test
  void readsDpkgQueryIncludingWhatItDidNotFind() {
    String output =
        String.join(
            "\n",
            "dpkg-query: no packages found matching nosuchpkg",
            "corosync\tamd64\t3.1.7-1\tiH ",
            "galera-4\tamd64\t26.4.20-0+deb12u1\tiHR",
            "libssl3\tamd64\t3.0.19-1~deb12u2\tii ",
            "oldpkg\tamd64\t1.0\trc ",
            "neverinstalled\t\t\tun ",
            "garbage line",
            "weird\tamd64\t1.0\tzz ",
            "");

    Parsed<DpkgQueryParser.Result> parsed = DpkgQueryParser.parse(output);

    assertThat(parsed.value().notFound()).containsExactly("nosuchpkg");
    assertThat(parsed.value().packages())
        .extracting(p -> p.pkg().name() + " " + p.version() + " " + p.state().status())
        .containsExactly(
            "corosync 3.1.7-1 HALF_INSTALLED",
            "galera-4 26.4.20-0+deb12u1 HALF_INSTALLED",
            "libssl3 3.0.19-1~deb12u2 INSTALLED",
            "oldpkg 1.0 CONFIG_FILES");
    assertThat(parsed.value().packages().get(1).state().reinstallRequired()).isTrue();
    assertThat(parsed.value().packages().get(2).state().isHealthy()).isTrue();
    assertThat(parsed.value().packages().get(3).state().isPresent()).isFalse();
    assertThat(parsed.warnings()).hasSize(2);
  }

  @Test
  void readsStatusAbbreviations() {
    assertThat(DpkgState.parse("ii "))
        .isEqualTo(new DpkgState(DpkgState.Selection.INSTALL, DpkgState.Status.INSTALLED, false));
    assertThat(DpkgState.parse("hi"))
        .isEqualTo(new DpkgState(DpkgState.Selection.HOLD, DpkgState.Status.INSTALLED, false));
    assertThat(DpkgState.parse("iF ").status()).isEqualTo(DpkgState.Status.HALF_CONFIGURED);
    assertThat(DpkgState.parse("it ").status()).isEqualTo(DpkgState.Status.TRIGGERS_PENDING);
    assertThat(DpkgState.parse("iW ").status()).isEqualTo(DpkgState.Status.TRIGGERS_AWAITED);
    assertThat(DpkgState.parse("xx ")).isNull();
    assertThat(DpkgState.parse("")).isNull();
    assertThat(DpkgState.parse("iiXX")).isNull();
  }

  @Test
  void readsLocalPackagesFromARealAptList() {
    Parsed<List<InstalledPackage>> devvm =
        AptListParser.parseLocal(Captures.read("devvm/apt-list-installed.txt"));
    Parsed<List<InstalledPackage>> sandbox =
        AptListParser.parseLocal(Captures.read("sandbox/apt-list-installed.txt"));

    assertThat(devvm.warnings()).isEmpty();
    assertThat(devvm.value()).hasSize(21);
    assertThat(devvm.value())
        .filteredOn(p -> p.pkg().name().equals("kubectl"))
        .singleElement()
        .satisfies(p -> assertThat(p.version()).hasToString("1:528.0.0-0"));
    assertThat(sandbox.value())
        .extracting(p -> p.pkg().name())
        .containsExactly("inhouse-agent", "oldtool");
  }

  @Test
  void readsHeldPackagesAndRebootRequiredPackages() {
    assertThat(PackageListParser.parse(Captures.read("sandbox/apt-mark-showhold.txt")).value())
        .containsExactly(PackageName.parse("rabbitmq-server"));
    Parsed<List<PackageName>> pkgs =
        PackageListParser.parse("libc6\nlibc6\nlinux-image-amd64\nNot A Name\n");
    assertThat(pkgs.value())
        .extracting(PackageName::name)
        .containsExactly("libc6", "linux-image-amd64");
    assertThat(pkgs.warnings()).containsExactly("not a package name: Not A Name");
  }
}
