package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.nodeset.NodeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herd run}'s selection and display options against {@code clush} on the same fleet: eight
 * ssh_config aliases on two loopback ports of one sshd (odd hosts on the first, even ones on the
 * second; the command prints which), and one groups file, read by clush through {@code
 * --groupsconf} and by herd as {@code --inventory clush:FILE}. Where clush prints something for an
 * option ({@code --hostfile}, {@code -r}, {@code -s}, {@code -G}, {@code -v}, {@code -d}, {@code
 * --pick}, {@code -P}), herd prints the same: byte for byte for the gathered output, the same hosts
 * for what clush says in its own words.
 */
class RunOptionsVsClushIT {

  private static final String GROUPS =
      """
      roles:
        front: 'h[1,3]'
        back: 'h[5,7]'
        even: 'h[2,4,6,8]'
        all: 'h[1-8]'
      racks:
        r1: 'h[1-4]'
        r2: 'h[5-8]'
        r3: 'h[2,4]'
        r4: 'h[6,8]'
      """;

  @TempDir Path dir;

  private LoopbackFleet fleet;
  private ClushGroups groups;
  private String command;

  @BeforeEach
  void startFleet() throws Exception {
    fleet = LoopbackFleet.start(dir.resolve("fleet"), 8, 2);
    command =
        "p=$(echo $SSH_CONNECTION | cut -d' ' -f4); if [ $p = "
            + fleet.port(0)
            + " ]; then echo odd; else echo even; echo second line; fi";
    groups = ClushGroups.write(dir, GROUPS);
  }

  @AfterEach
  void stopFleet() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void hostFilesSelectWhatClushSelects() throws Exception {
    Files.writeString(dir.resolve("hosts"), "h1 h2\nh[3-4]\n\n  h7\th8\n");
    List<String> options = List.of("--hostfile", dir.resolve("hosts").toString(), "-x", "h2", "-b");
    String expected = clush(options).out();
    assertThat(expected).contains("h[1,3,7] (3)").contains("h[4,8] (2)");
    assertThat(herd(options).out()).isEqualTo(expected);
    List<String> machines = List.of("--machinefile", dir.resolve("hosts").toString(), "-b");
    assertThat(herd(machines).out()).isEqualTo(clush(machines).out());
  }

  @Test
  void regroupedHeadersAreClushs() throws Exception {
    for (List<String> options :
        List.of(
            List.of("-w", "h[1-8]", "-b", "-r"),
            List.of("-w", "h[1-8]", "-B", "-r", "-s", "racks"),
            List.of("-w", "h[1-8]", "-b", "-r", "-s", "racks", "-G"),
            List.of("-a", "-b", "-r", "-x", "h1"))) {
      String expected = clush(options).out();
      assertThat(herd(options).out()).as(String.join(" ", options)).isEqualTo(expected);
    }
    assertThat(clush(List.of("-w", "h[1-8]", "-b", "-r")).out())
        .as("the groups are used")
        .contains("@back,@front (4)")
        .contains("@even (4)");
  }

  @Test
  void verboseGatheringPrintsTheLinesAsTheyComeThenTheBlocks() throws Exception {
    List<String> options = List.of("-w", "h[1-4]", "-b", "-v");
    String expected = clush(options).out();
    String got = herd(options).out();
    assertThat(live(expected)).contains("h1: odd", "h2: second line").hasSize(6);
    assertThat(live(got)).containsExactlyElementsOf(live(expected));
    assertThat(gathered(got)).isEqualTo(gathered(expected));
  }

  @Test
  void debugTellsTheHostsOfEachOptionAsClushDoes() throws Exception {
    Files.writeString(dir.resolve("hosts"), "h[7-8]\n");
    String hostFile = dir.resolve("hosts").toString();
    List<String> options =
        List.of("-d", "-w", "h1", "--hostfile", hostFile, "-g", "even", "-X", "back", "-b");
    LoopbackFleet.Output clush = clush(options);
    String clushSays = clush.out() + clush.err();
    CliRunner.Result herd = herd(options);
    assertThat(said(clushSays, "Using nodeset (\\S+) from hostfile " + Pattern.quote(hostFile)))
        .isEqualTo(said(herd.err(), "herd: debug: --hostfile \\S+ selects (\\S+)"))
        .isEqualTo(NodeSet.parse("h[7-8]"));
    assertThat(said(clushSays, "Adding nodes from option -g even: (\\S+)"))
        .isEqualTo(said(herd.err(), "herd: debug: -g even selects (\\S+)"))
        .isEqualTo(NodeSet.parse("h[2,4,6,8]"));
    assertThat(said(clushSays, "Excluding nodes from option -X back: (\\S+)"))
        .isEqualTo(said(herd.err(), "herd: debug: -X back leaves out (\\S+)"))
        .isEqualTo(NodeSet.parse("h[5,7]"));
    assertThat(said(clushSays, "clush: nodeset=(\\S+) fanout=64"))
        .isEqualTo(said(herd.err(), "herd: debug: (\\S+) \\(\\d+ hosts\\), fanout 64"))
        .isEqualTo(NodeSet.parse("h[1-2,4,6,8]"));
    assertThat(herd.out()).isEqualTo(clush.out().substring(clush.out().indexOf("---------------")));
  }

  @Test
  void pickRunsOnThatManyHostsAndVerboseSaysWhich() throws Exception {
    List<String> options = List.of("-w", "h[1-8]", "--pick", "3", "-v", "-L");
    LoopbackFleet.Output clush = clush(options);
    CliRunner.Result herd = herd(options);
    NodeSet clushPicked = said(clush.out(), "Picked random nodes: ([^\\s\\u001b]+)");
    NodeSet herdPicked = said(herd.err(), "herd: picked at random: (\\S+)");
    assertThat(clushPicked.size()).isEqualTo(herdPicked.size()).isEqualTo(3);
    assertThat(hostsOf(herd.out())).isEqualTo(herdPicked);
    assertThat(hostsOf(clush.out().substring(clush.out().indexOf('\n') + 1)))
        .isEqualTo(clushPicked);
  }

  @Test
  void progressIsShownOnAPipeAsClushShowsIt() throws Exception {
    List<String> options = List.of("-w", "h[1-3]", "-P");
    String slow = "sleep 2";
    LoopbackFleet.Output clush = clush(options, slow);
    CliRunner.Result herd = herd(options, slow);
    // clush draws its counter once the command has run 1.3 s, and erases it at the end.
    assertThat(clush.err()).containsPattern("clush: [0-3]/3\r");
    assertThat(herd.err()).contains("herd: 3/3 hosts done").endsWith("\r\u001b[K");
  }

  /** The lines printed before the first gathered block, sorted. */
  private static List<String> live(String out) {
    int blocks = out.indexOf("---------------");
    return out.substring(0, blocks).lines().sorted().toList();
  }

  private static String gathered(String out) {
    return out.substring(out.indexOf("---------------"));
  }

  /** The node set the first match of {@code regex} names (its group 1). */
  private static NodeSet said(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("/%s/ in:%n%s", regex, text).isTrue();
    return NodeSet.parse(matcher.group(1));
  }

  /** The hosts of {@code host: line} lines. */
  private static NodeSet hostsOf(String out) {
    List<String> hosts = new ArrayList<>();
    out.lines()
        .filter(l -> l.contains(": "))
        .forEach(l -> hosts.add(l.substring(0, l.indexOf(':'))));
    return NodeSet.of(hosts);
  }

  private LoopbackFleet.Output clush(List<String> options) throws Exception {
    return clush(options, command);
  }

  private LoopbackFleet.Output clush(List<String> options, String remote) throws Exception {
    List<String> argv =
        new ArrayList<>(
            List.of("clush", groups.groupsConfOption(), "-o", "-F " + fleet.sshConfig()));
    argv.addAll(options);
    argv.add(remote);
    LoopbackFleet.Output output = LoopbackFleet.run(argv, "");
    assertThat(output.exitCode()).as("clush %s: %s", options, output.err()).isZero();
    return output;
  }

  private CliRunner.Result herd(List<String> options) {
    return herd(options, command);
  }

  private CliRunner.Result herd(List<String> options, String remote) {
    List<String> argv = new ArrayList<>();
    argv.addAll(List.of("--inventory", ClushGroups.INVENTORY, "run"));
    argv.addAll(List.of("--ssh-config", fleet.sshConfig().toString()));
    argv.addAll(options);
    argv.add(remote);
    CliRunner.Result result =
        new CliRunner(dir, Map.of("HOME", dir.toString())).run(argv.toArray(String[]::new));
    assertThat(result.exitCode()).as("herd %s: %s", options, result.err()).isZero();
    return result;
  }
}
