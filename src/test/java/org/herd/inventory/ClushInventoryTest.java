package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A ClusterShell group file used directly as an inventory. The expected values are what
 * ClusterShell 1.9's {@code nodeset -f} prints for the same file (see {@code ClushGroupsIT}).
 */
class ClushInventoryTest {

  static Inventory site() {
    return Inventories.load(
        InventoryFormat.CLUSH, "site.yaml", AnsibleReadersTest.resource("clush-site.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "@io                   | example[2,4-5]",
        "@compute              | example[32-37]",
        "@adm                  | example0",
        "@roles:all            | example[2,4-5,32-37]",
        "@*                    | example[2,4-5,32-37]",
        "@racks:*              | example[0,2,4-5,32-37,200-201,245,300]",
        "@racks:old            | example[0,2,32-35]",
        "@racks:rack5          | example[200-201,245,300]",
        "@racks:rack[1-2]      | example[0,2,4-5]",
        "@compute!@racks:rack4 | example[32-33]",
      })
  void resolvesGroupsAsClusterShellDoes(String expression, String folded) {
    assertThat(site().select(expression).fold()).isEqualTo(folded);
  }

  @org.junit.jupiter.api.Test
  void everyGroupMemberIsAHost() {
    assertThat(site().hostNames().fold()).isEqualTo("example[0,2,4-5,32-37,200-201,245,300]");
    assertThat(site().host("example245").orElseThrow().connection().port()).isEqualTo(22);
  }
}
