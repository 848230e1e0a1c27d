package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(h.connection()).isEqualTo(new Connection(host, user, port, transport, become, null));
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
          .isEqualTo(new Connection(address, user, port, Transport.SSH, become, null));
    }
  }
}
