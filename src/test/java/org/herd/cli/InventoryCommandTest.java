package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd inventory check|show|import}, run in-process as a user would. */
class InventoryCommandTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of()).run(args);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = InventoryCommandTest.class.getResourceAsStream("/inventory/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aBrokenInventoryWithThreeMistakesGivesThreeLinesAndExitCode2() throws IOException {
    write(
        "herd.yaml",
        """
        hosts:
          ctl[1-3]: {prot: 22}
        groups:
          controllers: ctl[1-3]
        clusters:
          galera:
            members: "@controlers"
            budget: 0
        """);
    CliRunner.Result result = herd("inventory", "check");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines())
        .containsExactly(
            "herd: herd.yaml:2:14: unknown key `prot` in host `ctl[1-3]`; did you mean `port`?",
            "herd: herd.yaml:7:14: unknown group `@controlers`; did you mean `@controllers`?",
            "herd: herd.yaml:8:13: `budget` must be a number of members (at least 1) or a"
                + " percentage from 1% to 100%, not `0`");
  }

  @Test
  void aValueWithLineBreaksOrNulsIsQuotedOnItsProblemsOneLine() throws IOException {
    write("herd.yaml", "hosts:\n  web1: {user: \"a\\nb\", transport: \"\\0\"}\n");
    CliRunner.Result result = herd("inventory", "check");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .containsExactly(
            "herd: herd.yaml:2:16: `user` must be one word, not `a\\nb`",
            "herd: herd.yaml:2:35: `transport` must be one of ssh, openssh, local, not `\\u0000`");
  }

  @Test
  void checkSummarizesAGoodInventory() throws IOException {
    Files.copy(Path.of("docs/examples/site.yaml"), dir.resolve("herd.yaml"));
    Files.copy(Path.of("docs/examples/ssh_config"), dir.resolve("ssh_config"));
    CliRunner.Result result = herd("inventory", "check");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("ok: 62 hosts, 6 groups, 4 clusters, 3 waves (herd.yaml)\n");
    assertThat(result.exitCode()).isZero();
  }

  /**
   * What apply would refuse, check refuses: a recipe not in force, a bad variable, no ssh_config.
   */
  @Test
  void checkRefusesWhatARunWouldRefuse() throws IOException {
    write(
        "herd.yaml",
        """
        hosts:
          db[1-3]:
          web1: {ssh_config: missing.conf, vars: {restart: later}}
        clusters:
          db: {members: "db[1-3]", recipe: galrea}
        """);
    CliRunner.Result result = herd("inventory", "check");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines())
        .hasSize(3)
        .anySatisfy(line -> assertThat(line).contains("galrea").contains("did you mean `galera`"))
        .anySatisfy(line -> assertThat(line).contains("host web1").contains("restart 'later'"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("herd: inventory: host web1: ssh_config /")
                    .endsWith("/missing.conf: no such file"));
  }

  /** What the ssh transport cannot honour, of the ssh options or of the ssh_config, check tells. */
  @Test
  void checkRefusesWhatTheSshTransportCannotHonour() throws IOException {
    write("site.conf", "Host web*\n  ForwardAgent yes\n");
    write("herd.yaml", "hosts:\n  web1: {ssh_config: site.conf}\n");
    write("options.yaml", "hosts:\n  db1: {ssh_options: [SendEnv=LANG], ssh_config: site.conf}\n");
    write(
        "openssh.yaml",
        "defaults: {transport: openssh, ssh_config: site.conf}\n"
            + "hosts:\n  web1: {ssh_options: [SendEnv=LANG]}\n");

    CliRunner.Result config = herd("inventory", "check");
    CliRunner.Result options = herd("inventory", "check", "--inventory", "options.yaml");
    CliRunner.Result openssh = herd("inventory", "check", "--inventory", "openssh.yaml");

    assertThat(config.exitCode()).isEqualTo(2);
    assertThat(config.err())
        .isEqualTo(
            "herd: web1: "
                + dir.resolve("site.conf")
                + ":2: option ForwardAgent yes is not supported by the ssh transport; use"
                + " --transport openssh\n");
    assertThat(options.err())
        .isEqualTo(
            "herd: inventory: host db1: ssh_options SendEnv=LANG: option SendEnv is not supported"
                + " by the ssh transport; use --transport openssh\n");
    assertThat(openssh.err()).isEmpty();
    assertThat(openssh.exitCode()).isZero();
  }

  @Test
  void checkAsJsonListsProblems() throws IOException {
    write("bad.yaml", "hosts:\n  a1: {port: 0}\n");
    CliRunner.Result result = herd("inventory", "check", "--json", "--inventory", "bad.yaml");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out())
        .contains("\"ok\" : false")
        .contains("\"line\" : 2")
        .contains("\"column\" : 14")
        .contains("`port` must be a number from 1 to 65535, not `0`");
  }

  @Test
  void theInventoryOptionWorksBeforeOrAfterTheCommandAndFromTheEnvironment() throws IOException {
    write("hosts.ini", resource("ansible-hosts.ini"));
    write("site.yaml", resource("clush-site.yaml"));
    assertThat(herd("--inventory", "ansible:hosts.ini", "inventory", "check").out())
        .startsWith("ok: 12 hosts, 4 groups");
    assertThat(herd("inventory", "check", "--inventory", "clush:site.yaml").out())
        .startsWith("ok: 14 hosts, 10 groups");
    CliRunner.Result fromEnv =
        new CliRunner(dir, Map.of("HERD_INVENTORY", "ansible:hosts.ini")).run("inventory", "check");
    assertThat(fromEnv.out()).startsWith("ok: 12 hosts");
  }

  @Test
  void noInventoryAtAllIsOneClearLine() {
    CliRunner.Result result = herd("inventory", "check");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "herd: inventory: none found: give --inventory FILE, set HERD_INVENTORY, or create"
                + " ./herd.yaml or /etc/herd/herd.yaml (see docs/inventory.md)\n");
  }

  @Test
  void aMissingFileIsOneLine() {
    CliRunner.Result result = herd("inventory", "check", "--inventory", "nope.yaml");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("herd: nope.yaml: no such file\n");
  }

  @Test
  void showPrintsEffectiveSettingsFoldingAlikeHosts() throws IOException {
    write(
        "herd.yaml",
        """
        defaults: {user: deploy}
        hosts:
          ctl[1-3]:
          web[01-04]: {port: 2222}
          lb1: {address: 10.0.0.1, become: sudo}
        groups:
          controllers: ctl[1-3]
        clusters:
          galera: {members: '@controllers', order: [ctl3, ctl1, ctl2]}
        waves:
          - {name: first, nodes: 'web01', soak: 10m}
          - {name: rest, nodes: '@*'}
        """);
    CliRunner.Result result = herd("inventory", "show");
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .isEqualTo(
            """
            inventory herd.yaml: 8 hosts

            HOSTS       ADDRESS   USER    PORT  TRANSPORT  BECOME  CLUSTERS
            ctl[1-3]    -         deploy  22    ssh        none    galera
            lb1         10.0.0.1  deploy  22    ssh        sudo    -
            web[01-04]  -         deploy  2222  ssh        none    -

            GROUP         COUNT  HOSTS
            @controllers  3      ctl[1-3]

            CLUSTER  RECIPE  BUDGET               MEMBERS   ORDER
            galera   galera  recipe's 1 (1 of 3)  ctl[1-3]  ctl3,ctl1,ctl2

            WAVE   SOAK  COUNT  HOSTS
            first  10m   1      web01
            rest   0s    7      ctl[1-3],lb1,web[02-04]
            """);
    CliRunner.Result some = herd("inventory", "show", "@controllers");
    assertThat(some.out())
        .startsWith("inventory herd.yaml: 3 hosts of 8")
        .contains("galera")
        .doesNotContain("web[01-04]")
        .doesNotContain("first");
    CliRunner.Result unknown = herd("inventory", "show", "ctl9");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("herd: inventory show: not in the inventory: ctl9\n");
  }

  @Test
  void showHasTheSshColumnsWhenAHostHasThem() throws IOException {
    write(
        "herd.yaml",
        """
        hosts:
          web[1-2]: {ssh_options: [ProxyJump=bastion, ServerAliveInterval=15]}
          db1: {identity_file: /keys/id_db}
        """);

    CliRunner.Result text = herd("inventory", "show");
    CliRunner.Result json = herd("inventory", "show", "--json");

    assertThat(text.out())
        .contains(
            """
            HOSTS     ADDRESS  USER  PORT  TRANSPORT  BECOME  CLUSTERS  IDENTITY_FILE  SSH_OPTIONS
            db1       -        -     22    ssh        none    -         /keys/id_db    -
            web[1-2]  -        -     22    ssh        none    -         -              ProxyJump=bastion ServerAliveInterval=15
            """);
    assertThat(json.out())
        .contains("\"identity_file\" : \"/keys/id_db\"")
        .contains("\"ssh_options\" : [ \"ProxyJump=bastion\", \"ServerAliveInterval=15\" ]");
  }

  @Test
  void showAsJsonHasEveryHost() throws IOException {
    Files.copy(Path.of("docs/examples/site.yaml"), dir.resolve("herd.yaml"));
    Files.copy(Path.of("docs/examples/ssh_config"), dir.resolve("ssh_config"));
    CliRunner.Result result = herd("inventory", "show", "--json", "bastion,ctl1");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("\"name\" : \"bastion\"")
        .contains("\"address\" : \"192.0.2.10\"")
        .contains("\"port\" : 2222")
        .contains("\"clusters\" : [ \"rabbitmq\", \"galera\" ]")
        .contains("\"wave\" : \"production\"")
        .contains("\"soak\" : \"0s\"")
        .doesNotContain("\"name\" : \"web01\"");
  }

  @Test
  void importWritesAHerdYamlThatChecks() throws IOException {
    write("hosts.ini", resource("ansible-hosts.ini"));
    CliRunner.Result toStdout = herd("inventory", "import", "ansible:hosts.ini");
    assertThat(toStdout.exitCode()).isZero();
    assertThat(toStdout.out()).contains("  ctl[1-3]:\n    user: admin\n");
    CliRunner.Result toFile = herd("inventory", "import", "ansible:hosts.ini", "-o", "herd.yaml");
    assertThat(toFile.out()).isEqualTo("wrote herd.yaml from ansible:hosts.ini\n");
    assertThat(herd("inventory", "check").out()).startsWith("ok: 12 hosts, 4 groups");
    CliRunner.Result again = herd("inventory", "import", "ansible:hosts.ini", "-o", "herd.yaml");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err())
        .isEqualTo("herd: inventory import: herd.yaml: exists; use --force to overwrite it\n");
    CliRunner.Result unprefixed = herd("inventory", "import", "hosts.ini");
    assertThat(unprefixed.err())
        .isEqualTo(
            "herd: inventory import: hosts.ini: say what it is: ansible:hosts.ini or"
                + " clush:hosts.ini\n");
  }

  @Test
  void nodeSetsResolveGroupsThroughTheInventory() throws IOException {
    write("site.yaml", resource("clush-site.yaml"));
    CliRunner.Result result =
        herd("nodeset", "--inventory", "clush:site.yaml", "-f", "@compute!@racks:rack4");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("example[32-33]\n");
    assertThat(herd("nodeset", "-f", "n[1-2],n3").out()).isEqualTo("n[1-3]\n");
  }
}
