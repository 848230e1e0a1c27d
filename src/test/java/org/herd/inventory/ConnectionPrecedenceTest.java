package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Connection settings are layered: defaults, then groups from the outermost to the innermost (file
 * order among groups equally deep), then the host itself.
 */
class ConnectionPrecedenceTest {

  private static final String HERD =
      """
      defaults: {user: d, port: 2200, become: sudo}
      hosts:
        a1:
        a2: {user: host}
        a3: {port: 23}
        a4:
      groups:
        outer: {members: ['@inner', a3], user: outer, transport: openssh}
        inner: {members: [a1, a2], user: inner, vars: {tier: inner}}
        later: {members: [a1], become: none, vars: {tier: later}}
        first: {members: [a4], user: first}
        second: {members: [a4], user: second}
      vars: {tier: site}
      """;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // host, user, port, transport, become, tier
    "a1, inner,  2200, OPENSSH, NONE, inner",
    "a2, host,   2200, OPENSSH, SUDO, inner",
    "a3, outer,  23,   OPENSSH, SUDO, site",
    "a4, second, 2200, SSH,     SUDO, site",
  })
  void herdInventories(
      String host, String user, int port, Transport transport, Become become, String tier) {
    Host h = Inventories.herd(HERD).host(host).orElseThrow();
    assertThat(h.connection())
        .isEqualTo(new Connection(host, user, port, transport, become, null, null, List.of()));
    assertThat(h.vars()).isEqualTo(Map.of("tier", tier));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // host, address, user, port, become
    "bastion.example.com, bastion.example.com, ops,    2200, NONE",
    "ctl1,                ctl1,                admin,  22,   NONE",
    "web02.example.com,   web02.example.com,   deploy, 22,   SUDO",
    "web-canary,          10.0.0.50,           deploy, 2222, SUDO",
    "db-b,                db-b,                ops,    22,   NONE",
  })
  void ansibleInventories(String host, String address, String user, int port, Become become) {
    for (String file : new String[] {"ansible-hosts.ini", "ansible-hosts.yaml"}) {
      Inventory inventory =
          Inventories.load(InventoryFormat.ANSIBLE, file, AnsibleReadersTest.resource(file));
      assertThat(inventory.host(host).orElseThrow().connection())
          .as(file)
          .isEqualTo(
              new Connection(address, user, port, Transport.SSH, become, null, null, List.of()));
    }
  }

  /**
   * ssh options are not replaced level by level but put first, the host's before its groups' and
   * the defaults': ssh keeps the first value of each, so the host's win and the others still apply.
   * A relative identity_file is relative to the inventory, as ssh_config is.
   */
  @org.junit.jupiter.api.Test
  void layersSshOptionsMostSpecificFirst() {
    Inventory inventory =
        InventoryLoader.load(
            new InventoryRef(InventoryFormat.HERD, java.nio.file.Path.of("/site/herd.yaml"), "h"),
            """
            defaults: {ssh_options: [Compression=no, Port=2200], identity_file: keys/id_site}
            hosts:
              a1: {ssh_options: ['Port 2201'], identity_file: ~/.ssh/id_a1}
              a2:
            groups:
              g: {members: [a1, a2], ssh_options: [ProxyJump=bastion]}
            """);

    Connection a1 = inventory.host("a1").orElseThrow().connection();
    Connection a2 = inventory.host("a2").orElseThrow().connection();

    assertThat(a1.sshOptions())
        .containsExactly("Port=2201", "ProxyJump=bastion", "Compression=no", "Port=2200");
    assertThat(a1.identityFile()).isEqualTo("~/.ssh/id_a1");
    assertThat(a2.sshOptions()).containsExactly("ProxyJump=bastion", "Compression=no", "Port=2200");
    assertThat(a2.identityFile()).isEqualTo("/site/keys/id_site");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "ssh_options: ProxyJump=b | herd.yaml:2:21: `ssh_options` must be a list of ssh options"
            + " such as `- ProxyJump=bastion`, not `ProxyJump=b`",
        "ssh_options: [Nope] | herd.yaml:2:22: ssh option `Nope` must be written Key=Value, as"
            + " ssh -o takes it",
        "identity_file: [a, b] | herd.yaml:2:23: `identity_file` must be a string, not a list",
      })
  void refusesBadSshSettings(String setting, String problem) {
    assertThat(Inventories.herdProblems("hosts:\n  a1: {" + setting + "}\n"))
        .containsExactly(problem);
  }
}
