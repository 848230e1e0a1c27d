package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A range typed with a few zeros too many is refused before its hosts are made, in every format.
 */
class InventoryLimitsTest {

  @Test
  void aHerdRangePastTheLimitIsOneProblemAtItsKey() {
    assertThat(Inventories.herdProblems("hosts:\n  web1:\n  h[1-10000000]:\n"))
        .containsExactly(
            "herd.yaml:3:3: `h[1-10000000]` takes the inventory past "
                + Inventory.MAX_HOSTS
                + " hosts, the most herd reads");
  }

  @Test
  void rangesThatAddUpPastTheLimitAreRefusedToo() {
    assertThat(Inventories.herdProblems("hosts:\n  a[1-60000]:\n  b[1-60000]:\n"))
        .singleElement()
        .asString()
        .startsWith("herd.yaml:3:3: `b[1-60000]` takes the inventory past");
  }

  @Test
  void anAnsibleRangePastTheLimitIsRefusedWithoutExpandingIt() {
    assertThat(Inventories.problems(InventoryFormat.ANSIBLE, "hosts.ini", "web[1:100000000]\n"))
        .singleElement()
        .asString()
        .startsWith("hosts.ini:1:")
        .contains("more than " + Inventory.MAX_HOSTS + " hosts");
    assertThat(
            Inventories.problems(
                InventoryFormat.ANSIBLE, "hosts.ini", "[web]\nw[1:1000]-[1:1000]\n"))
        .singleElement()
        .asString()
        .contains("more than " + Inventory.MAX_HOSTS + " hosts");
  }

  @Test
  void aClusterShellGroupPastTheLimitIsRefusedAtItsNameWithoutExpandingIt() {
    assertThat(
            Inventories.problems(
                InventoryFormat.CLUSH,
                "groups.yaml",
                "roles:\n  a: 'h[1-10]'\n  huge: 'h[0-100000]'\n  big: 'g[1-9999999]'\n"
                    + "  grid: 'r[1-3000]n[1-3000]'\n  r1n1: r1n1\n"))
        .containsExactly(
            "groups.yaml:3:3: group `huge` takes the inventory past "
                + Inventory.MAX_HOSTS
                + " hosts, the most herd reads",
            "groups.yaml:4:3: group `big` takes the inventory past "
                + Inventory.MAX_HOSTS
                + " hosts, the most herd reads",
            "groups.yaml:5:3: group `grid` takes the inventory past "
                + Inventory.MAX_HOSTS
                + " hosts, the most herd reads");
  }

  @Test
  void anInventoryOfMoreThanThreeMillionCharactersLoads() {
    StringBuilder yaml = new StringBuilder("hosts:\n");
    for (int i = 0; i < 2_000; i++) {
      yaml.append("  host")
          .append(i)
          .append(": {vars: {note: '")
          .append("x".repeat(1_700))
          .append("'}}\n");
    }
    assertThat(yaml.length()).isGreaterThan(3 << 20);
    assertThat(Inventories.herd(yaml.toString()).hosts()).hasSize(2_000);
  }

  @Test
  void theLimitItselfIsAllowed() {
    assertThat(Inventories.herd("hosts:\n  h[1-" + Inventory.MAX_HOSTS + "]:\n").hosts())
        .hasSize(Inventory.MAX_HOSTS);
  }
}
