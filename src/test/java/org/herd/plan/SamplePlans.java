package org.herd.plan;

import java.time.Instant;
import java.util.List;
import org.herd.debian.ConffileAction;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;

/** Hand-made plans for the model's tests. */
final class SamplePlans {

  private SamplePlans() {}

  static PackageName pkg(String name) {
    return PackageName.parse(name);
  }

  static DebianVersion v(String version) {
    return version == null ? null : DebianVersion.parse(version);
  }

  static PlannedInstall upgrade(String name, String from, String to, boolean security) {
    return new PlannedInstall(
        pkg(name),
        v(from),
        v(to),
        from == null ? PlannedInstall.Action.NEW : PlannedInstall.Action.UPGRADE,
        security ? PlannedInstall.Classification.SECURITY : PlannedInstall.Classification.REGULAR,
        List.of(security ? "Debian-Security:12/bookworm-security" : "Debian:12.12/bookworm"),
        List.of());
  }

  /** A host upgrading nginx (security), etcd-server and installing a new library. */
  static HostPlan web(String host) {
    List<PlannedInstall> installs =
        List.of(
            upgrade("nginx", "1.22.1-9", "1.22.1-9+deb12u1", true),
            upgrade("etcd-server", "3.4.23-4+b1", "3.4.23-4+b1+lab1", false),
            upgrade("libnew1", null, "1.0-1", false));
    return new HostPlan(
        host,
        installs,
        List.of(),
        List.of(new LeftOut(pkg("redis-server"), v("5:7.0.15-1~deb12u1"), LeftOut.Reason.EXCLUDED)),
        List.of("held-pkg"),
        RebootRule.of(installs),
        PlanBasis.of(
            List.of(
                new PlanBasis.InstalledVersion(pkg("nginx"), v("1.22.1-9")),
                new PlanBasis.InstalledVersion(pkg("etcd-server"), v("3.4.23-4+b1")),
                new PlanBasis.InstalledVersion(pkg("libnew1"), null))),
        List.of(),
        false,
        new ConffileOutlook(
            null,
            List.of(
                new ConffileChange(
                    pkg("nginx"),
                    "/etc/nginx/nginx.conf",
                    ConffileAction.KEEP_LOCAL,
                    "/etc/nginx/nginx.conf.dpkg-dist"),
                new ConffileChange(
                    pkg("nginx"), "/etc/nginx/mime.types", ConffileAction.INSTALL_NEW, null)),
            List.of(new UnexaminedPackage(pkg("etcd-server"), "apt-get download failed: E: x")),
            List.of("--force-confdef", "--force-confold")));
  }

  static Plan plan(HostPlan... hosts) {
    return new Plan(
        Plan.FORMAT_VERSION,
        Instant.parse("2026-11-25T12:00:00Z"),
        "0.1.0-test",
        new PlanOptions(false, List.of(), List.of(pkg("redis-server")), false),
        List.of(hosts));
  }
}
