package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh command waits for a held apt lists lock instead of failing (apt's own
 * DPkg::Lock::Timeout does not cover that lock). Runs on this machine in a private mount namespace:
 * {@code /var/lib/apt/lists} is a bind-mounted empty directory whose lock a Perl process holds for
 * 6 s with the fcntl lock apt takes, and apt reads an empty source list, so nothing is fetched from
 * anywhere. A plain {@code apt-get update} is run first under the same lock to show that it fails.
 */
class RefreshUnderAptLockIT {

  private static final String HOLDER =
      "use strict; use Fcntl qw(F_SETLK F_WRLCK SEEK_SET);"
          + " open(my $fh, '+<', $ARGV[0]) or die \"open: $!\";"
          + " my $l = pack('s s x4 q q i x4', F_WRLCK, SEEK_SET, 0, 0, 0);"
          + " fcntl($fh, F_SETLK, $l) or die \"lock: $!\"; $| = 1; print \"locked\\n\"; sleep 6;";

  @TempDir Path dir;

  @Test
  void refreshWaitsForTheListsLockWherePlainAptFails() throws Exception {
    require(Files.exists(Path.of("/etc/debian_version")), "not a Debian system");
    require("root".equals(System.getProperty("user.name")), "needs root for unshare and mount");
    require(Files.isExecutable(Path.of("/usr/bin/unshare")), "no unshare");
    require(Files.isExecutable(Path.of("/usr/bin/perl")), "no perl");
    Files.writeString(dir.resolve("empty.list"), "");
    Files.createDirectories(dir.resolve("parts"));
    String apt =
        "-o Dir::Etc::sourcelist="
            + dir.resolve("empty.list")
            + " -o Dir::Etc::sourceparts="
            + dir.resolve("parts");
    String refresh =
        FleetProbe.refreshCommand(
                List.of(
                    "-o",
                    "Dir::Etc::sourcelist=" + dir.resolve("empty.list"),
                    "-o",
                    "Dir::Etc::sourceparts=" + dir.resolve("parts")))
            .line();
    String scenario =
        String.join(
            "\n",
            "set -e",
            "d=$(mktemp -d)",
            "trap 'umount /var/lib/apt/lists 2>/dev/null; rm -rf \"$d\"' EXIT",
            "touch \"$d/lock\"; mkdir \"$d/partial\"",
            "mount --bind \"$d\" /var/lib/apt/lists",
            "perl -e \"$HOLDER\" /var/lib/apt/lists/lock > \"$d/held\" &",
            "i=0; until grep -q locked \"$d/held\" 2>/dev/null; do i=$((i+1)); [ $i -lt 100 ] || exit 3; sleep 0.1; done",
            "set +e",
            "LC_ALL=C apt-get -q -o DPkg::Lock::Timeout=60 " + apt + " update; echo \"plain=$?\"",
            refresh + "; echo \"refresh=$?\"",
            "wait");
    ProcessBuilder pb =
        new ProcessBuilder("unshare", "-m", "--propagation", "private", "/bin/sh", "-c", scenario)
            .redirectErrorStream(true);
    pb.environment().put("HOLDER", HOLDER);
    Process process = pb.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(out).contains("Could not get lock /var/lib/apt/lists/lock").contains("plain=100");
    assertThat(out).contains("herd: waiting for the apt lock").contains("refresh=0");
  }
}
