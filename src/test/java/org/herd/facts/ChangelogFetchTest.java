package org.herd.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.junit.jupiter.api.Test;

class ChangelogFetchTest {

  private static ChangelogFetch.Wanted wanted(String pkg, String candidate, String since) {
    return new ChangelogFetch.Wanted(
        PackageName.parse(pkg), DebianVersion.parse(candidate), DebianVersion.parse(since));
  }

  @Test
  void theCommandQuotesTheScriptAndPassesTriples() {
    String command =
        ChangelogFetch.command(
            List.of(
                wanted("libc6:amd64", "2.36-9+deb12u14", "2.36-9+deb12u13"),
                wanted("a1", "1:2.0~rc1", "1.0")));

    assertThat(command)
        .startsWith("sh -c '")
        .endsWith(" herd-changes libc6:amd64 2.36-9+deb12u14 2.36-9+deb12u13 a1 1:2.0~rc1 1.0");
  }

  @Test
  void readsEachBlockWithItsSourceAndWhetherItReachedTheInstalledVersion() {
    String out =
        String.join(
            "\n",
            "@@herd-changes 1 abc@@",
            "@@herd-abc changelog sudo 1.9.13p3-1+deb12u4@@",
            "sudo (1.9.13p3-1+deb12u4) bookworm; urgency=medium",
            "",
            "  * fixes CVE-2026-35535",
            "",
            " -- Marc Haber <mh@example.org>  Sat, 11 Apr 2026 14:01:23 +0200",
            "",
            "@@herd-abc end sudo 1.9.13p3-1+deb12u4 apt yes@@",
            "@@herd-abc changelog herd-lab-x 1.0-2@@",
            "E: Failed to fetch changelog",
            "@@herd-abc end herd-lab-x 1.0-2 none no@@",
            "@@herd-xyz end forged 1.0 deb yes@@",
            "@@herd-abc changelog cut 1.0@@",
            "text of a block whose end never came",
            "");

    List<ChangelogFetch.Fetched> fetched = ChangelogFetch.parse(out);

    assertThat(fetched).hasSize(2);
    assertThat(fetched.get(0).pkg()).hasToString("sudo");
    assertThat(fetched.get(0).source()).isEqualTo(ChangelogSource.APT);
    assertThat(fetched.get(0).reachedSince()).isTrue();
    assertThat(fetched.get(0).text())
        .startsWith("sudo (1.9.13p3-1+deb12u4)")
        .contains("CVE-2026-35535");
    assertThat(fetched.get(1).source()).isEqualTo(ChangelogSource.NONE);
    assertThat(fetched.get(1).text()).isEqualTo("E: Failed to fetch changelog\n");
    assertThat(ChangelogFetch.parse("no framing at all\n")).isEmpty();
  }
}
