package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.herd.inventory.Inventory;
import org.herd.inventory.InventoryFormat;
import org.herd.inventory.InventoryLoader;
import org.herd.inventory.InventoryRef;
import org.junit.jupiter.api.Test;

/** The restart variables as an inventory file gives them to a run. */
class RestartRulesFromInventoryTest {

  @Test
  void aHostsRestartVariablesFromHerdYaml() {
    String yaml =
        String.join(
            "\n",
            "hosts:",
            "  db1:",
            "    address: 10.0.0.5",
            "    vars: {restart_services: {herd-lab-service: never}}",
            "  web1:",
            "    address: 10.0.0.6",
            "groups:",
            "  web:",
            "    members: web1",
            "    vars:",
            "      restart: {security: now, regular: after-run}",
            "");
    Inventory inventory =
        InventoryLoader.load(
            new InventoryRef(InventoryFormat.values()[0], Path.of("/tmp/herd.yaml"), "herd.yaml"),
            yaml);

    RestartRules db = RestartRules.fromVars(inventory.host("db1").orElseThrow().vars());
    RestartRules web = RestartRules.fromVars(inventory.host("web1").orElseThrow().vars());

    assertThat(db.when("herd-lab-service.service", false)).isEqualTo(RestartWhen.NEVER);
    assertThat(db.when("other.service", false)).isEqualTo(RestartWhen.NOW);
    assertThat(web.when("herd-lab-service.service", false)).isEqualTo(RestartWhen.AFTER_RUN);
    assertThat(web.when("herd-lab-service.service", true)).isEqualTo(RestartWhen.NOW);
  }
}
