package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.herd.debian.PackageName;
import org.herd.facts.DpkgHealth.LockUse;
import org.junit.jupiter.api.Test;

/**
 * The probe neither blocks nor fails while another process holds the dpkg locks, and it names the
 * holder. Root only: it runs in a private mount namespace ({@code unshare -m}) where a copy of
 * {@code /var/lib/dpkg} is bind-mounted over the real one, so the held locks are invisible to the
 * rest of the machine. The holder takes the same {@code fcntl} write locks apt takes.
 */
class ProbeUnderDpkgLockIT {

  private static final String HOLDER =
      String.join(
          "\n",
          "use strict; use Fcntl qw(F_SETLK F_WRLCK SEEK_SET);",
          "my @held;",
          "for my $f (@ARGV) {",
          "  open(my $fh, '+<', $f) or die \"open $f: $!\";",
          "  my $l = pack('s s x4 q q i x4', F_WRLCK, SEEK_SET, 0, 0, 0);",
          "  fcntl($fh, F_SETLK, $l) or die \"lock $f: $!\";",
          "  push @held, $fh;",
          "}",
          "$| = 1; print \"locked\\n\"; sleep 600;");

  private static final String SCENARIO =
      String.join(
          "\n",
          "set -e",
          "d=$(mktemp -d)",
          // Without set -e, and after the holder is gone: a umount while perl still holds the
          // files fails with 32 ("target is busy"), which set -e made the scenario's exit code.
          "trap 'set +e; kill $holder 2>/dev/null; wait $holder 2>/dev/null;"
              + " umount /var/lib/dpkg 2>/dev/null || umount -l /var/lib/dpkg; rm -rf \"$d\"' EXIT",
          "cp -a /var/lib/dpkg/. \"$d\"/",
          "mount --bind \"$d\" /var/lib/dpkg",
          "perl -e \"$HOLDER\" /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock > \"$d/held\" &",
          "holder=$!",
          "i=0; until grep -q locked \"$d/held\" 2>/dev/null; do i=$((i+1)); [ $i -lt 100 ] || exit 3; sleep 0.1; done",
          "echo \"holder=$holder\" >&2",
          "eval \"$PROBE\"");

  @Test
  void probeCompletesAndNamesTheHolder() throws Exception {
    require(Files.exists(Path.of("/etc/debian_version")), "not a Debian system");
    require("root".equals(System.getProperty("user.name")), "needs root for unshare and mount");
    require(Files.isExecutable(Path.of("/usr/bin/unshare")), "no unshare");
    require(Files.isExecutable(Path.of("/usr/bin/perl")), "no perl");

    ProcessBuilder pb =
        new ProcessBuilder("unshare", "-m", "--propagation", "private", "/bin/sh", "-c", SCENARIO);
    pb.environment().put("HOLDER", HOLDER);
    pb.environment().put("PROBE", HostProbe.command(List.of(PackageName.parse("dpkg"))));
    pb.redirectError(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the scenario did not finish");
    }
    assumeTrue(
        p.exitValue() == 0 || !stderr.contains("unshare failed"), "unshare refused: " + stderr);
    assertThat(p.exitValue()).as(stderr).isZero();
    int holder = Integer.parseInt(stderr.replaceAll("(?s).*holder=(\\d+).*", "$1"));

    HostFacts facts = HostProbe.parse(stdout);

    assertThat(facts.probe().complete()).as(stdout).isTrue();
    assertThat(facts.limitations()).isEmpty();
    assertThat(facts.upgrades().errors()).isEmpty();
    assertThat(facts.packages()).extracting(i -> i.pkg().name()).containsExactly("dpkg");
    assertThat(facts.dpkg().locked()).isTrue();
    assertThat(facts.dpkg().locks())
        .filteredOn(l -> l.use() == LockUse.Use.HOLDS)
        .extracting(LockUse::path, LockUse::pid)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/var/lib/dpkg/lock-frontend", holder),
            org.assertj.core.groups.Tuple.tuple("/var/lib/dpkg/lock", holder));
    assertThat(facts.dpkg().locks())
        .filteredOn(l -> l.pid() == holder)
        .allSatisfy(l -> assertThat(l.command()).startsWith("perl -e"));
  }
}
