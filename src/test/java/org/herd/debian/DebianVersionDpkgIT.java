package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link DebianVersion}'s order against dpkg itself ({@code dpkg --compare-versions}) on
 * random versions built from the characters that matter to the order. Skipped where there is no
 * dpkg.
 */
class DebianVersionDpkgIT {

  private static final String CHARS = "0019ab~~.+-";

  @Test
  void agreesWithDpkgOnRandomVersions() throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/dpkg")), "dpkg is not installed");
    Random random = new Random(20261125L);
    List<String> disagreements = new ArrayList<>();
    int compared = 0;
    while (compared < 300) {
      String a = randomVersion(random);
      String b = random.nextInt(4) == 0 ? mutate(a, random) : randomVersion(random);
      if (!DebianVersion.isValid(a) || !DebianVersion.isValid(b)) {
        continue;
      }
      compared++;
      int ours = Integer.signum(DebianVersion.parse(a).compareTo(DebianVersion.parse(b)));
      int dpkg = dpkgLt(a, b) ? -1 : dpkgLt(b, a) ? 1 : 0;
      if (ours != dpkg) {
        disagreements.add(a + " vs " + b + ": herd " + ours + ", dpkg " + dpkg);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  private static String randomVersion(Random random) {
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(5) == 0) {
      sb.append(random.nextInt(3)).append(':');
    }
    sb.append(random.nextInt(10));
    int length = random.nextInt(7);
    for (int i = 0; i < length; i++) {
      sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    return sb.toString();
  }

  private static String mutate(String v, Random random) {
    String[] suffixes = {"~", "~rc1", "+b1", "a", "-1", "-0", ".0", "0"};
    return v + suffixes[random.nextInt(suffixes.length)];
  }

  private static boolean dpkgLt(String a, String b) throws Exception {
    Process p =
        new ProcessBuilder("dpkg", "--compare-versions", a, "lt", b)
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("dpkg did not answer for " + a + " " + b);
    }
    return p.exitValue() == 0;
  }
}
