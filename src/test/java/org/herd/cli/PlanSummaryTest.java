package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.herd.debian.AptSimulationParser;
import org.herd.debian.ConffileHashes;
import org.herd.debian.ConffilePolicy;
import org.herd.debian.PackageName;
import org.herd.plan.ConffileInput;
import org.herd.plan.HostInput;
import org.herd.plan.Plan;
import org.herd.plan.PlanOptions;
import org.herd.plan.Planner;
import org.junit.jupiter.api.Test;

/** The plan's readable summary: hosts folded by identical plans, with their conffiles. */
class PlanSummaryTest {

  private static final String CONFFILE = "/etc/herd-lab/conffile.conf";
  private static final String OLD = "a".repeat(32);
  private static final String NEW = "b".repeat(32);
  private static final String MINE = "c".repeat(32);
  private static final PackageName PKG = PackageName.parse("herd-lab-conffile");
  private static final ConffilePolicy HERD =
      ConffilePolicy.of(List.of("--force-confdef", "--force-confold"));

  private static HostInput host(String name, ConffileInput conffiles) {
    String apt = "Inst herd-lab-conffile [1.0-1] (1.0-2 lab:lab/new [all])\n";
    return HostInput.of(name, AptSimulationParser.parse(apt).value()).withConffiles(conffiles);
  }

  private static ConffileInput local(String sum, ConffilePolicy policy) {
    return new ConffileInput(
        null, List.of(new ConffileHashes(PKG, CONFFILE, OLD, NEW, sum, false)), Map.of(), policy);
  }

  private static String summary(List<HostInput> hosts) {
    Plan plan =
        Planner.plan(
            hosts,
            new PlanOptions(false, List.of(), List.of(), false),
            Instant.parse("2026-12-03T12:00:00Z"),
            "test");
    StringWriter out = new StringWriter();
    CliContext context =
        new CliContext(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            Map.of(),
            Path.of("."),
            Terminal.plain(),
            Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    PlanSummary.print(context, plan, Map.of());
    context.out().flush();
    return out.toString();
  }

  @Test
  void hostsFoldByWhatTheUpgradeDoesToTheirConffiles() {
    String text =
        summary(
            List.of(
                host("lab-1", local(OLD, HERD)),
                host("lab-2", local(MINE, HERD)),
                host("lab-3", local(OLD, HERD)),
                host("lab-4", local(MINE, ConffilePolicy.of(List.of("--force-confnew")))),
                host("lab-5", ConffileInput.unknown("no answer: connection lost")),
                host(
                    "lab-6",
                    new ConffileInput(
                        null, List.of(), Map.of(PKG, "apt-get download failed: E: 404"), HERD))));

    assertThat(text)
        .isEqualTo(
            """
            lab-[1,3] (2): 1 to install (0 security), 0 to remove, reboot not needed
              upgrade herd-lab-conffile 1.0-1 -> 1.0-2 regular (services not known)
              conffile  changes   /etc/herd-lab/conffile.conf  herd-lab-conffile

            lab-2 (1): 1 to install (0 security), 0 to remove, reboot not needed
              upgrade herd-lab-conffile 1.0-1 -> 1.0-2 regular (services not known)
              conffile  kept      /etc/herd-lab/conffile.conf  herd-lab-conffile: modified here; \
            the new version goes to /etc/herd-lab/conffile.conf.dpkg-dist \
            (--force-confdef --force-confold)

            lab-4 (1): 1 to install (0 security), 0 to remove, reboot not needed
              upgrade herd-lab-conffile 1.0-1 -> 1.0-2 regular (services not known)
              conffile  replaced  /etc/herd-lab/conffile.conf  herd-lab-conffile: modified here; \
            replaced, the local one saved as /etc/herd-lab/conffile.conf.dpkg-old (--force-confnew)

            lab-5 (1): 1 to install (0 security), 0 to remove, reboot not needed
              upgrade herd-lab-conffile 1.0-1 -> 1.0-2 regular (services not known)
              conffiles: unknown (no answer: connection lost)

            lab-6 (1): 1 to install (0 security), 0 to remove, reboot not needed
              upgrade herd-lab-conffile 1.0-1 -> 1.0-2 regular (services not known)
              conffiles of herd-lab-conffile: unknown (apt-get download failed: E: 404)
            """);
  }
}
