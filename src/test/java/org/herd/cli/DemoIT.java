package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.herd.lab.Lab;
import org.herd.lab.LabExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code herd demo} end to end on a lab of its own: a real etcd and a real Galera cluster upgraded
 * by herd while the write probe writes every 100 ms, giving each member 1 s per try. No
 * acknowledged write may be lost, every member must end at the new version and the cluster healthy
 * by its own tool; the lab must be gone afterwards. etcd restarts in a fraction of a second: no
 * write may fail. A Galera member's rejoin stalls the other members' commits for a moment (Galera's
 * view change), which the benchmark measures run by run (docs/benchmarks.md); here, with one member
 * out at a time, the cluster never loses its quorum, so no window without a member accepting writes
 * may last as long as a member's whole restart.
 */
@ExtendWith(LabExtension.class)
class DemoIT {

  /** A lab name of this test run, apart from the shared lab's. */
  private static final String NAME = "dm0" + Long.toString(ProcessHandle.current().pid(), 36);

  /** Longer than any rejoin stall seen, shorter than a member's restart with quorum lost. */
  private static final double GALERA_WINDOW_LIMIT_SECONDS = 8.0;

  @ParameterizedTest(name = "herd demo --cluster {0}")
  @ValueSource(strings = {"etcd", "galera"})
  void upgradesTheClusterWithoutLosingAWrite(String kind, @TempDir Path dir) {
    CliRunner.Result result =
        new CliRunner(
                dir,
                Map.of("HOME", dir.toString(), "HERD_JOURNAL", dir.resolve("j.db").toString()),
                Clock.systemUTC())
            .run("demo", "--cluster", kind, "--name", NAME);

    String out = result.out();
    assertThat(out)
        .as(out + result.err())
        .contains(" 0 acknowledged lost")
        .contains("cluster    healthy, every member at the new version");
    assertThat(result.exitCode()).as(result.err()).isZero();
    if (kind.equals("etcd")) {
      assertThat(out).as(out).contains(" 0 failed, longest window 0.0 s");
    } else {
      assertThat(longestWindowSeconds(out)).as(out).isLessThan(GALERA_WINDOW_LIMIT_SECONDS);
      // The client moved to another member while its own was out: it saw the upgrade happen.
      assertThat(acknowledgingMembers(out)).as(out).isGreaterThanOrEqualTo(2);
    }
    Lab lab = Lab.standard(Clock.systemUTC(), line -> {});
    assertThat(lab.names()).doesNotContain(NAME);
  }

  /** The longest window the report gives, in seconds. */
  private static double longestWindowSeconds(String out) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("longest window ([0-9.]+) s").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** How many members the report says acknowledged writes. */
  private static int acknowledgingMembers(String out) {
    return out.lines()
        .filter(l -> l.strip().startsWith("acknowledged by "))
        .findFirst()
        .map(l -> l.strip().substring("acknowledged by ".length()).split(", ").length)
        .orElse(0);
  }
}
