package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herd.debian.ConffileAction;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.herd.plan.ConffileChange;
import org.herd.plan.ConffileOutlook;
import org.herd.plan.Plan;
import org.herd.plan.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd plan} predicts what dpkg does with a conffile, on real hosts with the lab's {@code
 * herd-lab-conffile} (its {@code /etc/herd-lab/conffile.conf} changes from 1.0-1 to 1.0-2): the
 * candidate .deb is fetched on each host, the untouched host's file "changes", the host where the
 * admin edited it keeps its file and gets a {@code .dpkg-dist}; then {@code herd apply} does
 * exactly that.
 */
@ExtendWith(LabExtension.class)
class PlanConffilesIT {

  private static final String CONFFILE = "/etc/herd-lab/conffile.conf";

  /** An apt proxy on a port nobody listens on: apt knows its candidates but cannot fetch them. */
  private static final String BROKEN_PROXY = "'Acquire::http::Proxy \"http://127.0.0.1:9/\";'";

  private static final String PROXY_CONF = "/etc/apt/apt.conf.d/99herd-test-no-proxy";

  @TempDir Path dir;

  private CliRunner.Result herd(TestLab lab, String... args) {
    List<String> all = new ArrayList<>(List.of("--inventory", lab.inventory().toString()));
    all.addAll(List.of(args));
    return new CliRunner(
            dir,
            Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("journal.db").toString()),
            java.time.Clock.systemUTC())
        .run(all.toArray(String[]::new));
  }

  @Test
  @PristineHosts({1, 2})
  void thePlanSaysWhichConffilesChangeAndApplyDoesExactlyThat(TestLab lab) throws Exception {
    LabHost pristine = lab.host(1);
    LabHost edited = lab.host(2);
    List<String> names = List.of(pristine.name(), edited.name());
    try {
      for (LabHost host : List.of(pristine, edited)) {
        lab.sh(host, "apt-get install -y -q herd-lab-conffile >/dev/null 2>&1");
      }
      lab.sh(edited, "echo '# changed by the admin' >> " + CONFFILE);
      lab.lab().suite(lab.name(), Suite.NEW);
      String nodes = pristine.name() + "," + edited.name();

      CliRunner.Result planned =
          herd(lab, "plan", "--refresh", "--only", "herd-lab-conffile", nodes, "-o", "plan.json");

      assertThat(planned.exitCode()).as(planned.out() + planned.err()).isZero();
      Plan plan = PlanJson.read(Files.readString(dir.resolve("plan.json")));
      ConffileOutlook untouched = plan.host(pristine.name()).orElseThrow().conffiles();
      ConffileOutlook modified = plan.host(edited.name()).orElseThrow().conffiles();
      assertThat(untouched.unknown()).as(untouched.toString()).isNull();
      assertThat(untouched.changes())
          .extracting(ConffileChange::path, ConffileChange::action, ConffileChange::leftBehind)
          .containsExactly(tuple(CONFFILE, ConffileAction.INSTALL_NEW, null));
      assertThat(modified.changes())
          .extracting(ConffileChange::path, ConffileChange::action, ConffileChange::leftBehind)
          .containsExactly(tuple(CONFFILE, ConffileAction.KEEP_LOCAL, CONFFILE + ".dpkg-dist"));
      assertThat(modified.dpkgOptions()).contains("--force-confdef", "--force-confold");
      assertThat(planned.out())
          .contains("conffile  changes   " + CONFFILE)
          .contains("conffile  kept      " + CONFFILE)
          .contains("the new version goes to " + CONFFILE + ".dpkg-dist");
      assertThat(lab.sh(edited, "ls /var/cache/herd/plan-debs"))
          .as("the candidate is kept for the next plan, the run's work directory is gone")
          .contains("herd-lab-conffile_1.0-2_all.deb")
          .doesNotContain("run.");

      // A second plan reuses the cached .deb, even with the repository out of reach.
      lab.sh(edited, "echo " + BROKEN_PROXY + " > " + PROXY_CONF);
      CliRunner.Result again =
          herd(lab, "plan", "--only", "herd-lab-conffile", edited.name(), "--json");
      lab.sh(edited, "rm " + PROXY_CONF);
      assertThat(PlanJson.read(again.out()).hosts().get(0).conffiles()).isEqualTo(modified);

      CliRunner.Result applied = herd(lab, "apply", "plan.json");

      assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
      assertThat(lab.sh(pristine, "cat " + CONFFILE)).contains("setting = new");
      assertThat(lab.sh(pristine, "ls /etc/herd-lab")).doesNotContain("dpkg-dist");
      assertThat(lab.sh(edited, "cat " + CONFFILE))
          .contains("changed by the admin")
          .contains("setting = old");
      assertThat(lab.sh(edited, "cat " + CONFFILE + ".dpkg-dist")).contains("setting = new");
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
      lab.lab().reset(lab.name(), names);
    }
  }

  @Test
  @PristineHosts(3)
  void aCandidateThatCannotBeFetchedLeavesTheConffilesUnknownNotThePlan(TestLab lab)
      throws Exception {
    LabHost host = lab.host(3);
    try {
      lab.sh(host, "apt-get install -y -q herd-lab-conffile >/dev/null 2>&1");
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(host, "apt-get update -q >/dev/null 2>&1");
      // apt still knows the candidate, but the repository is out of reach: the download fails.
      lab.sh(host, "rm -f /var/cache/apt/archives/herd-lab-conffile_*");
      lab.sh(host, "echo " + BROKEN_PROXY + " > " + PROXY_CONF);

      CliRunner.Result planned =
          herd(lab, "plan", "--only", "herd-lab-conffile", host.name(), "--json");

      assertThat(planned.exitCode()).as(planned.err()).isZero();
      ConffileOutlook outlook = PlanJson.read(planned.out()).hosts().get(0).conffiles();
      assertThat(outlook.unexamined())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.pkg().toString()).isEqualTo("herd-lab-conffile");
                assertThat(u.reason())
                    .startsWith("apt-get download herd-lab-conffile=1.0-2 failed");
              });
      assertThat(outlook.changes()).isEmpty();
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
      lab.lab().reset(lab.name(), List.of(host.name()));
    }
  }
}
