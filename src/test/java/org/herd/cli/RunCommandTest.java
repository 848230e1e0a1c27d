package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd run} in-process over the local transport: each host name runs a local shell. */
class RunCommandTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of("HOME", dir.toString())).run(args);
  }

  @Test
  void gathersIdenticalOutputUnderTheFoldedNodeSet() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-4]", "-b", "echo same");
    assertThat(result.out())
        .isEqualTo(
            """
            ---------------
            n[1-4] (4)
            ---------------
            same
            """);
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void streamsLinesWithTheHostPrefixAndFoldsFailures() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-3]", "echo out; echo err >&2; exit 4");
    assertThat(result.out().lines().sorted()).containsExactly("n1: out", "n2: out", "n3: out");
    assertThat(result.err()).contains("n1: err").contains("herd: n[1-3]: exited with exit code 4");
    assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE.code());
  }

  @Test
  void anSshConfigThatCannotBeReadIsRefusedAndARelativeOneIsFoundInTheWorkingDirectory()
      throws Exception {
    CliRunner.Result missing =
        herd("run", "--ssh-config", "nowhere.conf", "--transport", "local", "-w", "n1", "true");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(missing.err()).isEqualTo("herd: --ssh-config nowhere.conf: no such file\n");
    CliRunner.Result directory =
        herd("run", "--ssh-config", ".", "--transport", "local", "-w", "n1", "true");
    assertThat(directory.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(directory.err()).isEqualTo("herd: --ssh-config .: a directory, not a file\n");

    java.nio.file.Files.writeString(dir.resolve("fleet.conf"), "Host *\n");
    CliRunner.Result found =
        herd("run", "--ssh-config", "fleet.conf", "--transport", "local", "-w", "n1", "true");
    assertThat(found.exitCode()).as(found.err()).isZero();
  }

  @Test
  void maxrcReturnsTheLargestRemoteExitCode() {
    CliRunner.Result result = herd("run", "--transport", "local", "-w", "n[1-2]", "-S", "exit 7");
    assertThat(result.exitCode()).isEqualTo(7);
  }

  @Test
  void quietMaxrcHidesExitLines() {
    CliRunner.Result result = herd("run", "--transport", "local", "-w", "n1", "-S", "-q", "exit 7");
    assertThat(result.err()).doesNotContain("exit code");
    assertThat(result.exitCode()).isEqualTo(7);
  }

  @Test
  void commandTimeoutCountsAs255() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n1", "-S", "-u", "0.3", "sleep 30");
    assertThat(result.err()).contains("herd: n1: command timeout");
    assertThat(result.exitCode()).isEqualTo(255);
  }

  @Test
  void wordsAfterTheCommandBelongToTheCommand() {
    CliRunner.Result result = herd("run", "--transport", "local", "-w", "n1", "echo", "-n", "-b");
    assertThat(result.out()).isEqualTo("n1: -b\n");
  }

  @Test
  void lineModeWithoutLabels() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-3]", "-L", "-N", "echo x");
    assertThat(result.out()).isEqualTo("x\nx\nx\n");
  }

  @Test
  void jsonHasOneEntryPerHost() throws Exception {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-2]", "--json", "echo hi; exit 3");
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("command").asText()).isEqualTo("echo hi; exit 3");
    assertThat(json.get("hosts")).hasSize(2);
    JsonNode first = json.get("hosts").get(0);
    assertThat(first.get("host").asText()).isEqualTo("n1");
    assertThat(first.get("outcome").asText()).isEqualTo("failed");
    assertThat(first.get("exitCode").asInt()).isEqualTo(3);
    assertThat(first.get("stdout").asText()).isEqualTo("hi\n");
  }

  @Test
  void severalCommandsRunInTurnOverOneSession() throws Exception {
    Path file = dir.resolve("commands");
    Files.writeString(file, "# comment\necho one\n\necho two\n");
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-2]", "-b", "--commands-file", "commands");
    assertThat(result.out())
        .isEqualTo(
            """
            ==> echo one <==
            ---------------
            n[1-2] (2)
            ---------------
            one
            ==> echo two <==
            ---------------
            n[1-2] (2)
            ---------------
            two
            """);
  }

  @Test
  void diffPrintsNothingWhenAllHostsAgree() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-3]", "--diff", "echo common");
    assertThat(result.out()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void badCombinationsAreUsageErrors() throws Exception {
    assertThat(herd("run", "--transport", "local", "-w", "n1", "--json", "-b", "true").exitCode())
        .isEqualTo(ExitCode.USAGE.code());
    assertThat(herd("run", "--transport", "local", "-w", "n1", "--diff", "-L", "true").exitCode())
        .isEqualTo(ExitCode.USAGE.code());
    CliRunner.Result noHosts = herd("run", "--transport", "local", "true");
    assertThat(noHosts.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(noHosts.err())
        .isEqualTo("herd: no hosts: give -w NODES, --hostfile FILE, -g GROUP or -a\n");
    CliRunner.Result noCommand = herd("run", "--transport", "local", "-w", "n1");
    assertThat(noCommand.err()).startsWith("herd: no command");
    assertThat(herd("run", "--transport", "telnet", "-w", "n1", "true").err())
        .startsWith("herd: --transport: unknown transport 'telnet'");
    CliRunner.Result directory =
        herd("run", "--transport", "local", "-w", "n1", "--commands-file", ".");
    assertThat(directory.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(directory.err()).isEqualTo("herd: --commands-file .: a directory, not a file\n");
    Files.write(dir.resolve("latin1"), new byte[] {'l', 's', (byte) 0xE9, '\n'});
    assertThat(herd("run", "--transport", "local", "-w", "n1", "--commands-file", "latin1").err())
        .isEqualTo("herd: --commands-file latin1: not UTF-8 text\n");
  }

  @Test
  void excludedHostsDoNotRun() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-5]", "-x", "n[2-4]", "-b", "echo x");
    assertThat(result.out()).contains("n[1,5] (2)");
  }

  @Test
  void groupsComeFromTheInventory() throws Exception {
    Files.writeString(
        dir.resolve("herd.yaml"),
        """
        defaults:
          transport: local
        hosts:
          web[1-3]:
          db1:
        groups:
          web: web[1-3]
        """);
    assertThat(herd("run", "-g", "web", "-b", "echo x").out()).contains("web[1-3] (3)");
    assertThat(herd("run", "-a", "-X", "web", "-b", "echo x").out()).contains("\ndb1\n");
    assertThat(herd("run", "-w", "@web", "-x", "web2", "-b", "echo x").out())
        .contains("web[1,3] (2)");
    CliRunner.Result unknown = herd("run", "-g", "nosuch", "-b", "echo x");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(unknown.err()).startsWith("herd: ").contains("nosuch");
  }

  @Test
  void groupsNeedAnInventory() {
    CliRunner.Result result = herd("run", "--transport", "local", "-g", "web", "echo x");
    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(result.err()).startsWith("herd: ").contains("--inventory");
  }

  @Test
  void hostFilesAddToTheSelection() throws Exception {
    Files.writeString(dir.resolve("hosts"), "n1 n2\nn[3-4]\n");
    CliRunner.Result result =
        herd("run", "--transport", "local", "--hostfile", "hosts", "-x", "n2", "-b", "echo x");
    assertThat(result.out()).contains("n[1,3-4] (3)");
    CliRunner.Result machines =
        herd("run", "--transport", "local", "--machinefile", "hosts", "-w", "m1", "-b", "echo x");
    assertThat(machines.out()).contains("m1,n[1-4] (5)");
    Files.writeString(dir.resolve("bad"), "n1\nn[2-\n");
    CliRunner.Result bad = herd("run", "--transport", "local", "--hostfile", "bad", "echo x");
    assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(bad.err()).startsWith("herd: bad:2:2: missing ']'").hasLineCount(1);
  }

  @Test
  void pickRunsOnThatManyHostsAndVerboseSaysWhich() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-9]", "--pick", "2", "-v", "-b", "echo x");
    assertThat(result.out()).contains("(2)");
    String picked =
        result.err().lines().filter(l -> l.startsWith("herd: picked")).findFirst().get();
    assertThat(result.out())
        .contains(picked.substring("herd: picked at random: ".length()) + " (2)");
    CliRunner.Result quiet =
        herd("run", "--transport", "local", "-w", "n[1-9]", "--pick", "2", "-b", "echo x");
    assertThat(quiet.err()).doesNotContain("picked");
  }

  @Test
  void verboseGatheringAlsoPrintsLinesAsTheyCome() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-2]", "-v", "-b", "echo same");
    assertThat(result.out().lines().limit(2).sorted()).containsExactly("n1: same", "n2: same");
    assertThat(result.out())
        .endsWith(
            """
            ---------------
            n[1-2] (2)
            ---------------
            same
            """);
  }

  @Test
  void debugSaysWhereTheHostsCameFrom() throws Exception {
    Files.writeString(dir.resolve("hosts"), "n3\n");
    for (String flag : List.of("-d", "--debug")) {
      CliRunner.Result result =
          herd(
              flag,
              "run",
              "--transport",
              "local",
              "-w",
              "n[1-2]",
              "--hostfile",
              "hosts",
              "-x",
              "n2",
              "true");
      assertThat(result.err())
          .as(flag)
          .contains(
              "herd: debug: -w n[1-2] selects n[1-2]\n"
                  + "herd: debug: --hostfile hosts selects n3\n"
                  + "herd: debug: -x n2 leaves out n2\n"
                  + "herd: debug: n[1,3] (2 hosts), fanout 64, command: true\n");
    }
    assertThat(herd("run", "--transport", "local", "-w", "n1", "-d", "true").err())
        .as("-d of run itself")
        .contains("herd: debug: -w n1 selects n1");
  }

  @Test
  void progressShowsEvenWhenStandardErrorIsNotATerminal() {
    CliRunner.Result result =
        herd("run", "--transport", "local", "-w", "n[1-3]", "-P", "-b", "echo x");
    assertThat(result.err()).contains("herd: 3/3 hosts done");
    assertThat(herd("run", "--transport", "local", "-w", "n[1-3]", "-b", "echo x").err())
        .doesNotContain("hosts done");
    assertThat(herd("run", "--transport", "local", "-w", "n[1-3]", "-P", "-q", "echo x").err())
        .doesNotContain("hosts done");
  }

  @Test
  void regroupHeadsBlocksWithTheInventorysGroups() throws Exception {
    Files.writeString(
        dir.resolve("site.yaml"),
        """
        roles:
          web: 'n[1-2]'
          db: 'n3'
        racks:
          r1: 'n[1-3]'
        """);
    CliRunner.Result result =
        herd(
            "--inventory",
            "clush:site.yaml",
            "run",
            "--transport",
            "local",
            "-w",
            "n[1-4]",
            "-r",
            "-b",
            "echo x");
    assertThat(result.out()).contains("\n@db,@web,n4 (4)\n");
    CliRunner.Result bySource =
        herd(
            "--inventory",
            "clush:site.yaml",
            "run",
            "--transport",
            "local",
            "-w",
            "n[1-4]",
            "-r",
            "-s",
            "racks",
            "-b",
            "echo x");
    assertThat(bySource.out()).contains("\n@racks:r1,n4 (4)\n");
    CliRunner.Result base =
        herd(
            "--inventory",
            "clush:site.yaml",
            "run",
            "--transport",
            "local",
            "-w",
            "n[1-4]",
            "-r",
            "-s",
            "racks",
            "-G",
            "-b",
            "echo x");
    assertThat(base.out()).contains("\n@r1,n4 (4)\n");
  }
}
