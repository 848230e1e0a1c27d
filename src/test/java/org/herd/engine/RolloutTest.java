package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.herd.inventory.DisruptionBudget;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryFormat;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryRef;
import org.junit.jupiter.api.Test;

class RolloutTest {

  private static final String YAML =
      """
      hosts:
        e[1-3]:
        r[1-6]:
        p[1-4]:
      clusters:
        etcd: {members: 'e[1-3]'}
        queue: {members: 'r[1-6]', recipe: rabbit}
        pool: {members: 'p[1-4]', recipe: rabbit, budget: 1}
      """;

  /** What the recipes declare: rabbit allows a third of its members, etcd one. */
  private static final Function<String, DisruptionBudget> RECIPES =
      name ->
          Map.of("rabbit", DisruptionBudget.parse("34%").orElseThrow())
              .getOrDefault(name, DisruptionBudget.ONE);

  @Test
  void aClusterWithoutABudgetGetsItsRecipesAndTheInventorysWins() {
    Inventory inventory =
        InventoryLoader.load(
            new InventoryRef(InventoryFormat.HERD, Path.of("herd.yaml"), "herd.yaml"), YAML);
    List<String> hosts = inventory.hostNames().expand();

    Rollout rollout =
        Rollout.of(inventory, hosts, Serial.ALL, Canary.NONE, RECIPES, "etcd"::equals);

    assertThat(rollout.clusters())
        .extracting(
            Rollout.ClusterRule::name,
            Rollout.ClusterRule::allowed,
            Rollout.ClusterRule::installsAhead)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("etcd", 1, true),
            org.assertj.core.groups.Tuple.tuple("queue", 2, false),
            org.assertj.core.groups.Tuple.tuple("pool", 1, false));
    assertThat(inventory.cluster("etcd").orElseThrow().budget()).isEmpty();
    assertThat(inventory.cluster("pool").orElseThrow().budgetText(DisruptionBudget.ONE))
        .isEqualTo("1");
    assertThat(inventory.cluster("queue").orElseThrow().budgetText(RECIPES.apply("rabbit")))
        .isEqualTo("recipe's 34%");
  }
}
