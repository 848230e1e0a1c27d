package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd nodeset} with the options beyond {@code -f|-e|-c} ({@code -l}, {@code -r}, {@code
 * -a}, {@code -s}, {@code -G}, {@code -x|-i|-X} between arguments, {@code --autostep}, {@code
 * --split}, {@code --contiguous}, {@code -I}, {@code -O}, {@code --pick}) prints byte for byte what
 * ClusterShell's {@code nodeset} prints: each case of the table is run through both, ClusterShell
 * reading the groups through a {@code groups.conf} ({@code --groupsconf}) and herd the same file as
 * its inventory ({@code --inventory clush:FILE}).
 */
class NodesetVsClusterShellIT {

  private static final Path NODESET = Path.of("/usr/bin/nodeset");

  /** The groups both read: two sources, the first the default one. */
  static final String GROUPS =
      """
      roles:
        compute: 'n[1-8]'
        gpu: 'n[7-8]'
        io: 'io[1-2]'
        login: 'n1'
        rack1: 'n[1-4]'
        rack2: 'n[5-8]'
        rack10: 'io[1-2]'
        all: 'n[1-8],io[1-2]'
      racks:
        r1: 'n[1-4]'
        r2: 'n[5-8],io1'
        r3: 'x[1-3]y[1-2]'
      """;

  /** One case per line: nodeset's arguments, separated by spaces. */
  private static final String CASES =
      """
      -f n[1-5] -x n2 -i n[1-3] -X n9
      -f n[1-5] --exclude n2 --intersection n[1-4] --xor m1
      -f -i n[1-3] -x n2 -X n9 n[1-5]
      -f -x n2 n[1-5] -x n3
      -e -x n2 -a
      -f -a -x n1 -i n[1-5]
      -c n[1-5] -x n[1-2] m1 m2
      -f @compute -x @gpu
      -f @racks:r3 -X x[2-4]y2
      -f -s racks @r1,@r2
      -f --autostep=3 n[1,3,5,7,9]
      -f --autostep=6 n[1,3,5,7,9]
      -f --autostep=auto n[1,3,5,7,9]
      -f --autostep=auto n[1,3,5]p[1,3,5]
      -f --autostep=50% n[1,3,5,7,9],n[10-11]
      -f --autostep=2 n[1,3,5,7,9,10-11]
      -f --autostep=3 n[01,03,05,7,9]
      -f --autostep=3 n[1,3,5]p[1,3],n[1,3]p5
      -f --autostep=3 x[1,3,5]y[1,3,5]!x1y1
      -f --autostep=4 n[1,3,5,7,8,10,12,14]
      -f --autostep=1 n[1,4,9]
      -e --autostep=3 n[1-9/2]
      --split=3 -f n[1-10]
      --split=3 -e n[1-10]
      --split=3 -c n[1-10]
      --split=20 -f n[1-3]
      --split=0 -f n[1-3]
      --split=2 -f x[1-3]y[1-3]
      --split=4 -e n[01-02],x[1-3]y[1-2]
      --autostep=3 --split=2 -f n[1,3,5,7,9,11,13]
      --split=2 -r n[1-8],io[1-2]
      --contiguous -f n[1-3,5,7-9]
      --contiguous -f x[1-3,5]y[1-2,4]
      --contiguous -f a,b,n[1-2]
      --contiguous -f n[08-11,9-12]
      --contiguous --autostep=3 -f n[1,3,5,7]
      --autostep=2 --contiguous -f n[1-3,5,7-9,11,13]
      -I 0-2,5 -f n[1-10]
      -I 8-20 -f n[1-10]
      -I 0-3 -f x[1-3]y[1-3]
      -I 0,2-3,10 -f n[1-2]x[1-2],m1
      --autostep=50% -I 0-4 -f n[1,3,5,7,9,11,13]
      -e -S , -I 1-3 n[1-10]
      -e -O %s-ib n[1-3]
      -f -O %s-ib n[1-3]
      -f -O %s%% n[1-3]
      -c -O x%sx n[1-3]
      -r -O <%s> n[1-8]
      -c --pick=3 n[1-10]
      -f --pick=20 n[1-5]
      -l
      -ll
      -lll
      -l n[3-5]
      -ll n[3-5]
      -lll n[3-5]
      -l -s racks
      -ll -s racks
      -l -G -s racks
      -lll -s racks n[3-5]
      -ll -a
      -l n[1-2] -x n1
      -l -x n1
      -ll --autostep=2 n[1,3,5,7]
      -ll --autostep=auto n[1,3,5,7]
      -r n[1-8]
      -r n[1-8],io1
      -r -s racks n[1-8],io1
      -r -G -s racks n[1-8],io1
      -r n[1-4],n[7-8]
      -r n[1-3]
      -r m[1-3]
      -r x[1-3]y[1-2],n[1-4]
      -a -r
      -a -f
      -s racks -a -f
      -r --autostep=3 -s racks -G n[1-4],n[11,13,15]
      -r --autostep=auto n[1-4],n[11,13,15]
      """;

  /** Cases that read standard input: the input, then the arguments. */
  private static final List<List<String>> STDIN_CASES =
      List.of(
          List.of("n1 n2\nn[3-4] # n9\n", "-f"),
          List.of("n2 n3\n", "-f n[1-5] -x -"),
          List.of("n2 n3\n", "-f n[1-5] -i -"),
          List.of("\n", "-f n[1-5] -i -"),
          List.of("n[1-8]\n", "-r"),
          List.of("n[1-10]\n", "--split=2 -f"));

  @TempDir Path dir;

  private ClushGroups groups;

  @BeforeEach
  void writeGroups() throws Exception {
    require(Files.isExecutable(NODESET), "ClusterShell's nodeset is not installed");
    groups = ClushGroups.write(dir, GROUPS);
  }

  @Test
  void herdPrintsWhatNodesetPrints() throws Exception {
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    for (String line : CASES.strip().split("\n")) {
      compare(mismatches, "", Arrays.asList(line.strip().split(" ")));
      cases++;
    }
    for (List<String> stdin : STDIN_CASES) {
      compare(mismatches, stdin.get(0), Arrays.asList(stdin.get(1).split(" ")));
      cases++;
    }
    assertThat(mismatches).as("cases where herd and ClusterShell differ").isEmpty();
    assertThat(cases).isGreaterThan(80);
  }

  @Test
  void mistakesAreOneLineWithExitCodeTwoWhereNodesetFails() throws Exception {
    for (String line :
        List.of(
            "-f --autostep=x n1",
            "-f --split=x n1",
            "-f --split=2 --contiguous n1",
            "-f n[1-5] -x",
            "-f -O %d n[1-3]",
            "-f n[3-1]",
            "-l -s nosuch",
            "-f")) {
      List<String> args = Arrays.asList(line.split(" "));
      Outcome clusterShell = nodeset("", args);
      CliRunner.Result herd = herd("", args);
      if (line.equals("-f")) {
        // Not a mistake: both print an empty line for nothing on standard input.
        assertThat(herd.out()).isEqualTo(clusterShell.out()).isEqualTo("\n");
        continue;
      }
      assertThat(clusterShell.exitCode()).as("nodeset " + line).isNotZero();
      assertThat(herd.exitCode()).as("herd nodeset " + line).isEqualTo(2);
      assertThat(herd.err()).as("herd nodeset " + line).startsWith("herd").hasLineCount(1);
      assertThat(herd.out()).isEmpty();
    }
  }

  private void compare(List<String> mismatches, String input, List<String> args) throws Exception {
    Outcome expected = nodeset(input, args);
    CliRunner.Result got = herd(input, args);
    String command = "nodeset " + String.join(" ", args);
    if (expected.exitCode() != 0) {
      mismatches.add(command + ": ClusterShell fails: " + expected.err());
    } else if (got.exitCode() != 0) {
      mismatches.add(command + ": herd fails: " + got.err());
    } else if (!got.out().equals(expected.out())) {
      mismatches.add(
          command + "\n    ClusterShell: " + expected.out() + "    herd:         " + got.out());
    }
  }

  private CliRunner.Result herd(String input, List<String> args) {
    List<String> all = new ArrayList<>(List.of("--inventory", ClushGroups.INVENTORY, "nodeset"));
    all.addAll(args);
    return new CliRunner(dir, Map.of()).runWithInput(input, all.toArray(String[]::new));
  }

  private record Outcome(int exitCode, String out, String err) {}

  private Outcome nodeset(String input, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(NODESET.toString(), groups.groupsConfOption()));
    command.addAll(args);
    Path err = dir.resolve("nodeset.err");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    try {
      try (var stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("nodeset finished").isTrue();
      return new Outcome(process.exitValue(), out, Files.readString(err));
    } finally {
      process.destroyForcibly();
    }
  }
}
