package org.herd.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.plan.PlannerTest.options;
import static org.herd.plan.PlannerTest.sim;
import static org.herd.plan.SamplePlans.pkg;

import java.util.List;
import java.util.Map;
import org.herd.debian.ConffileAction;
import org.herd.debian.ConffileHashes;
import org.herd.debian.ConffilePolicy;
import org.junit.jupiter.api.Test;

/** The planner's conffile outlook: which conffiles of the planned packages change, and how. */
class PlannerConffilesTest {

  private static final String NGINX =
      "Inst nginx [1.22.1-9] (1.22.1-9+deb12u1 Debian-Security:12/bookworm-security [amd64])";
  private static final String ETCD =
      "Inst etcd-server [3.4.23-4+b1] (3.4.23-4+b1+lab1 Debian:12.12/bookworm [amd64])";
  private static final String A = "a".repeat(32);
  private static final String B = "b".repeat(32);
  private static final String C = "c".repeat(32);
  private static final ConffilePolicy HERD =
      ConffilePolicy.of(List.of("--force-confdef", "--force-confold"));

  private static ConffileHashes file(
      String pkg, String path, String inst, String cand, String loc) {
    return new ConffileHashes(pkg(pkg), path, inst, cand, loc, false);
  }

  private static HostPlan plan(String optionSpec, ConffileInput conffiles) {
    HostInput input = HostInput.of("h", sim(NGINX, ETCD)).withConffiles(conffiles);
    return Planner.planHost(input, options(optionSpec));
  }

  @Test
  void changedAndConflictingConffilesAreListedUnchangedOnesAreNot() {
    ConffileInput read =
        new ConffileInput(
            null,
            List.of(
                file("nginx", "/etc/nginx/nginx.conf", A, B, A),
                file("nginx", "/etc/nginx/mime.types", A, A, A),
                file("etcd-server", "/etc/default/etcd", A, B, C)),
            Map.of(),
            HERD);

    ConffileOutlook outlook = plan("", read).conffiles();

    assertThat(outlook.unknown()).isNull();
    assertThat(outlook.changes())
        .containsExactly(
            new ConffileChange(
                pkg("etcd-server"),
                "/etc/default/etcd",
                ConffileAction.KEEP_LOCAL,
                "/etc/default/etcd.dpkg-dist"),
            new ConffileChange(
                pkg("nginx"), "/etc/nginx/nginx.conf", ConffileAction.INSTALL_NEW, null));
    assertThat(outlook.hasConflicts()).isTrue();
    assertThat(outlook.dpkgOptions()).containsExactly("--force-confdef", "--force-confold");
  }

  @Test
  void theConffilesOfPackagesLeftOutDoNotCount() {
    ConffileInput read =
        new ConffileInput(
            null,
            List.of(file("etcd-server", "/etc/default/etcd", A, B, C)),
            Map.of(pkg("etcd-server"), "apt-get download failed"),
            HERD);

    ConffileOutlook outlook = plan("--exclude=etcd-server", read).conffiles();

    assertThat(outlook.changes()).isEmpty();
    assertThat(outlook.unexamined()).isEmpty();
    assertThat(outlook.hasConflicts()).isFalse();
  }

  @Test
  void aPackageThatCouldNotBeReadIsUnknownNotUnchanged() {
    ConffileInput read =
        new ConffileInput(null, List.of(), Map.of(pkg("nginx"), "apt-get download failed"), HERD);

    ConffileOutlook outlook = plan("", read).conffiles();

    assertThat(outlook.unexamined())
        .containsExactly(new UnexaminedPackage(pkg("nginx"), "apt-get download failed"));
  }

  @Test
  void hostsWhoseConffilesWereNotReadSayWhy() {
    assertThat(plan("", null).conffiles()).isEqualTo(ConffileOutlook.unknown("not examined"));
    assertThat(plan("", ConffileInput.unknown("--no-conffiles")).conffiles())
        .isEqualTo(ConffileOutlook.unknown("--no-conffiles"));
    assertThat(plan("--only=no-such-package", ConffileInput.unknown("x")).conffiles())
        .as("nothing installed, nothing to say")
        .isEqualTo(ConffileOutlook.none());
  }
}
