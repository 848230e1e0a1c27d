package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.PristineHosts;
import org.herd.lab.Suite;
import org.herd.lab.TestLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd status}, {@code --refresh} and {@code herd changes} on lab hosts put into known
 * states, every reported field checked against what the host's own tools say ({@code apt-get -s},
 * {@code apt-mark}, {@code dpkg --audit}, {@code dpkg-query}, {@code /proc}, {@code /run}, {@code
 * find /etc}). The hosts a test dirties are reset before it and after it, and the lab's suite is
 * put back to {@code old}.
 */
@ExtendWith(LabExtension.class)
class StatusLabIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Holds the apt lists lock with apt's own kind of lock (fcntl) for 10 s, then exits. */
  private static final String LOCK_HOLDER =
      "use strict; use Fcntl qw(F_SETLK F_WRLCK SEEK_SET);"
          + " open(my $fh, '+<', '/var/lib/apt/lists/lock') or die \"open: $!\";"
          + " my $l = pack('s s x4 q q i x4', F_WRLCK, SEEK_SET, 0, 0, 0);"
          + " fcntl($fh, F_SETLK, $l) or die \"lock: $!\"; $| = 1; print \"locked\\n\"; sleep 10;";

  @TempDir Path dir;

  private CliRunner.Result herd(TestLab lab, String... args) {
    List<String> all = new ArrayList<>(List.of("--inventory", lab.inventory().toString()));
    all.addAll(List.of(args));
    return new CliRunner(dir, Map.of("HOME", dir.toString())).run(all.toArray(String[]::new));
  }

  private JsonNode status(TestLab lab, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("status", "--json", "--journal", dir.resolve("journal.db").toString()));
    args.addAll(List.of(extra));
    CliRunner.Result result = herd(lab, args.toArray(String[]::new));
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("failed");
    return JSON.readTree(result.out());
  }

  private static Set<String> lines(String text) {
    Set<String> set = new TreeSet<>();
    text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(set::add);
    return set;
  }

  private static Set<String> texts(JsonNode array, String field) {
    Set<String> set = new TreeSet<>();
    array.forEach(n -> set.add(field == null ? n.asText() : n.path(field).asText()));
    return set;
  }

  @Test
  @PristineHosts(1)
  void statusReportsEveryKnownStateAsTheHostsOwnToolsSeeIt(TestLab lab) throws Exception {
    LabHost host = lab.host(1);
    try {
      lab.sh(
          host,
          "apt-get install -y -q herd-lab-service herd-lab-conffile herd-lab-failing"
              + " herd-lab-reboot herd-lab-libuser herd-lab-security >/dev/null 2>&1"
              + " && echo '# local change' >> /etc/herd-lab/conffile.conf"
              + " && apt-mark hold herd-lab-service >/dev/null"
              + " && systemctl is-active herd-lab-libuser");
      lab.lab().suite(lab.name(), Suite.NEW);
      lab.sh(
          host,
          "apt-get update -q >/dev/null && apt-get install -y -q -o Dpkg::Options::=--force-confold"
              + " herd-lab-conffile herd-lab-reboot libherdlab0 >/dev/null 2>&1"
              + " && printf '#!/bin/sh\\nexit 101\\n' > /usr/sbin/policy-rc.d"
              + " && chmod 755 /usr/sbin/policy-rc.d");
      // The failing postinst leaves the package half-configured; apt-get exits 100.
      assertThat(lab.run(host, "apt-get install -y -q herd-lab-failing").exitCode()).isNotZero();

      JsonNode root = status(lab, host.name());
      JsonNode facts = root.path("hosts").path(host.name()).path("facts");
      assertThat(facts.path("probe").path("complete").asBoolean()).isTrue();

      // OS and system, from the files themselves.
      assertThat(facts.path("os").path("codename").asText())
          .isEqualTo(lab.sh(host, ". /etc/os-release; echo $VERSION_CODENAME").strip());
      assertThat(facts.path("system").path("bootId").asText())
          .isEqualTo(lab.sh(host, "cat /proc/sys/kernel/random/boot_id").strip());

      // Pending upgrades: apt's own Inst lines, pkg installed -> candidate.
      Set<String> inst = new TreeSet<>();
      Set<String> securityInst = new TreeSet<>();
      for (String line :
          lab.sh(host, "LC_ALL=C apt-get -s -o Debug::NoLocking=1 dist-upgrade").lines().toList()) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("Inst (\\S+) \\[(\\S+)\\] \\((\\S+) (.*)\\)")
                .matcher(line);
        if (m.find()) {
          String up = m.group(1) + " " + m.group(2) + " " + m.group(3);
          inst.add(up);
          if (m.group(4).contains("Debian-Security")) {
            securityInst.add(up);
          }
        }
      }
      Set<String> pending = new TreeSet<>();
      Set<String> security = new TreeSet<>();
      for (JsonNode p : facts.path("upgrades").path("pending")) {
        String up =
            p.path("pkg").asText()
                + " "
                + p.path("installed").asText()
                + " "
                + p.path("candidate").asText();
        pending.add(up);
        if (p.path("security").asBoolean()) {
          security.add(up);
        }
      }
      assertThat(pending).isEqualTo(inst);
      assertThat(security)
          .isEqualTo(securityInst)
          .containsExactly("herd-lab-security 1.0-1 1.0-1+deb12u1");
      assertThat(facts.path("upgrades").path("securityCount").asInt()).isEqualTo(1);

      // Held packages: apt-mark.
      assertThat(texts(facts.path("upgrades").path("held"), null))
          .isEqualTo(lines(lab.sh(host, "apt-mark showhold")))
          .containsExactly("herd-lab-service");

      // dpkg health: dpkg --audit lists the half-configured package; dpkg-query says iF.
      assertThat(lab.sh(host, "dpkg-query -W -f='${db:Status-Abbrev}' herd-lab-failing").strip())
          .isEqualTo("iF");
      Set<String> audited = new TreeSet<>();
      lab.sh(host, "LC_ALL=C dpkg --audit || true")
          .lines()
          .filter(l -> l.startsWith(" "))
          .forEach(l -> audited.add(l.strip().split("\\s+")[0]));
      Set<String> problems = new TreeSet<>();
      facts.path("dpkg").path("problems").forEach(p -> problems.add(p.path("pkg").asText()));
      assertThat(problems).isEqualTo(audited).containsExactly("herd-lab-failing");
      assertThat(facts.path("dpkg").path("problems").get(0).path("kind").asText())
          .isEqualTo("HALF_CONFIGURED");

      // A stale mapped library: the processes whose maps show the deleted libherdlab0.
      Set<String> stalePids =
          lines(
              lab.sh(
                  host,
                  "grep -l 'libherdlab.so.0 (deleted)' /proc/[0-9]*/maps 2>/dev/null"
                      + " | cut -d/ -f3 || true"));
      assertThat(stalePids).isNotEmpty();
      String mainPid = lab.sh(host, "systemctl show -P MainPID herd-lab-libuser").strip();
      assertThat(stalePids).contains(mainPid);
      JsonNode services = facts.path("restarts").path("services");
      assertThat(texts(services, "unit")).containsExactly("herd-lab-libuser.service");
      Set<String> reportedPids = new TreeSet<>();
      services.get(0).path("processes").forEach(p -> reportedPids.add(p.path("pid").asText()));
      assertThat(reportedPids).isEqualTo(stalePids);

      // Reboot: the flag file and its package list.
      assertThat(facts.path("reboot").path("flagFile").asBoolean())
          .isEqualTo(lab.run(host, "test -e /run/reboot-required").exitCode() == 0)
          .isTrue();
      assertThat(texts(facts.path("reboot").path("packages"), null))
          .isEqualTo(lines(lab.sh(host, "cat /run/reboot-required.pkgs")));
      assertThat(facts.path("reboot").path("required").asBoolean()).isTrue();

      // Conffile leftovers: find /etc.
      assertThat(texts(facts.path("conffileLeftovers"), "path"))
          .isEqualTo(
              lines(
                  lab.sh(
                      host, "find /etc -xdev \\( -name '*.dpkg-*' -o -name '*.ucf-*' \\) -print")))
          .containsExactly("/etc/herd-lab/conffile.conf.dpkg-dist");
      assertThat(facts.path("conffileLeftovers").get(0).path("conffile").asText())
          .isEqualTo("/etc/herd-lab/conffile.conf");

      // policy-rc.d: a one-line exit 101.
      assertThat(lab.sh(host, "cat /usr/sbin/policy-rc.d")).contains("exit 101");
      assertThat(facts.path("policy").path("policyRcd").path("kind").asText())
          .isEqualTo("DENY_ALL");

      // The row says the same, and nothing was unreachable.
      JsonNode state = root.path("rows").get(0).path("state");
      assertThat(root.path("rows")).hasSize(1);
      assertThat(state.path("pending")).hasSize(inst.size());
      assertThat(root.path("unreachable")).isEmpty();
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
      lab.lab().reset(lab.name(), List.of(host.name()));
    }
  }

  @Test
  @PristineHosts({2, 3})
  void refreshWaitsForAHeldLockAndChangesReadTheCandidatesChangelogs(TestLab lab) throws Exception {
    LabHost two = lab.host(2);
    LabHost three = lab.host(3);
    String both = two.name() + "," + three.name();
    try {
      for (LabHost host : List.of(two, three)) {
        lab.sh(host, "apt-get install -y -q herd-lab-reboot herd-lab-security >/dev/null 2>&1");
      }
      lab.lab().suite(lab.name(), Suite.NEW);

      // Without --refresh the hosts' package lists are the old suite's: nothing pending.
      JsonNode before = status(lab, both);
      assertThat(before.path("rows")).hasSize(1);
      assertThat(before.path("rows").get(0).path("state").path("pending")).isEmpty();

      // Hold the lists lock on one host: the refresh must wait for it, not fail.
      lab.sh(
          two,
          "cat > /run/herd-hold.pl <<'PERL'\n"
              + LOCK_HOLDER
              + "\nPERL\n"
              + "setsid -f perl /run/herd-hold.pl > /run/herd-lock-held 2>&1 < /dev/null\n"
              + "i=0; until grep -q locked /run/herd-lock-held; do i=$((i+1));"
              + " [ $i -lt 100 ] || exit 3; sleep 0.1; done");
      JsonNode after = status(lab, "--refresh", both);
      assertThat(after.path("rows")).hasSize(1);
      Set<String> pending = new TreeSet<>();
      after
          .path("rows")
          .get(0)
          .path("state")
          .path("pending")
          .forEach(p -> pending.add(p.asText().replace(" [security]", "")));
      assertThat(pending)
          .containsExactly(
              "herd-lab-reboot 1.0-1 -> 1.0-2", "herd-lab-security 1.0-1 -> 1.0-1+deb12u1");

      // herd changes: one block per upgrade for both hosts, from the candidate .deb.
      CliRunner.Result changes = herd(lab, "changes", "--json", both);
      assertThat(changes.exitCode()).as(changes.err()).isZero();
      JsonNode blocks = JSON.readTree(changes.out()).path("changes");
      assertThat(blocks).hasSize(2);
      String folded = org.herd.nodeset.NodeSet.of(List.of(two.name(), three.name())).fold();
      for (JsonNode b : blocks) {
        assertThat(b.path("hosts").asText()).isEqualTo(folded);
        assertThat(b.path("count").asInt()).isEqualTo(2);
        assertThat(b.path("source").asText()).isEqualTo("deb");
        assertThat(b.path("complete").asBoolean()).isTrue();
        // Ground truth: the changelog inside the .deb, read on the host.
        String pkg = b.path("package").asText();
        String candidate = b.path("candidate").asText();
        String text =
            lab.sh(
                two,
                "d=$(mktemp -d) && cd $d && apt-get download -q "
                    + pkg
                    + "="
                    + candidate
                    + " >/dev/null 2>&1 && dpkg-deb --fsys-tarfile *.deb | tar -xO"
                    + " ./usr/share/doc/"
                    + pkg
                    + "/changelog.Debian.gz | gzip -dc; rm -rf $d");
        List<String> newer = new ArrayList<>();
        for (String line : text.lines().toList()) {
          if (line.startsWith(pkg + " (")) {
            String version = line.substring(pkg.length() + 2, line.indexOf(')'));
            if (!version.equals("1.0-1")) {
              newer.add(version);
            }
          }
        }
        List<String> reported = new ArrayList<>();
        b.path("entries").forEach(e -> reported.add(e.path("version").asText()));
        assertThat(reported).isEqualTo(newer).containsExactly(candidate);
        List<String> cves = new ArrayList<>();
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("CVE-\\d{4}-\\d{4,}").matcher(text);
        while (m.find()) {
          cves.add(m.group());
        }
        assertThat(texts(b.path("cves"), null)).isEqualTo(new TreeSet<>(cves));
        if (pkg.equals("herd-lab-security")) {
          assertThat(b.path("security").asBoolean()).isTrue();
          assertThat(b.path("urgency").asText()).isEqualTo("high");
          assertThat(cves).isNotEmpty();
        } else {
          assertThat(b.path("urgency").asText()).isEqualTo("medium");
          assertThat(cves).isEmpty();
        }
      }

      // Text output: one block per upgrade, with the folded hosts.
      CliRunner.Result text = herd(lab, "changes", both, "herd-lab-security");
      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out())
          .contains("herd-lab-security 1.0-1 -> 1.0-1+deb12u1 [security] on " + folded + " (2)")
          .contains("urgency high")
          .doesNotContain("herd-lab-reboot");
    } finally {
      lab.lab().suite(lab.name(), Suite.OLD);
      lab.lab().reset(lab.name(), List.of(two.name(), three.name()));
    }
  }
}
