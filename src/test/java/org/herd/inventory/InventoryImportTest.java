package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Imported inventories load as herd.yaml to the same hosts, settings, variables and groups. */
class InventoryImportTest {

  @ParameterizedTest(name = "{0}:{1}")
  @CsvSource({
    "ANSIBLE, ansible-hosts.ini",
    "ANSIBLE, ansible-hosts.yaml",
    "CLUSH,   clush-site.yaml",
  })
  void roundTrips(InventoryFormat format, String file) {
    InventoryRef ref = new InventoryRef(format, Path.of(file), file);
    String source = AnsibleReadersTest.resource(file);
    Inventory original = InventoryLoader.load(ref, source);
    String yaml = InventoryImport.toHerdYaml(ref, source);
    Inventory imported = Inventories.herd(yaml);
    assertThat(imported.hosts()).as(yaml).isEqualTo(original.hosts());
    for (Group group : original.groups()) {
      String reference = group.reference(original.defaultSource());
      assertThat(imported.select(reference.replace("@roles:", "@")))
          .as(reference + " in\n" + yaml)
          .isEqualTo(group.hosts());
    }
  }

  @org.junit.jupiter.api.Test
  void foldsHostsThatShareSettings() {
    InventoryRef ref = new InventoryRef(InventoryFormat.ANSIBLE, Path.of("hosts.ini"), "hosts.ini");
    String yaml = InventoryImport.toHerdYaml(ref, AnsibleReadersTest.resource("ansible-hosts.ini"));
    assertThat(yaml.lines().toList())
        .containsSubsequence(
            "# Imported by herd from ansible:hosts.ini; see docs/inventory.md",
            "defaults:",
            "  user: ops",
            "hosts:",
            "  bastion.example.com:",
            "    port: 2200",
            "  ctl[1-3]:",
            "    user: admin",
            "  db-a:",
            "  db-b:",
            "  db-c:",
            "  web[01-04].example.com:",
            "  web-canary:",
            "    address: 10.0.0.50",
            "    port: 2222",
            "groups:",
            "  controllers: \"ctl[1-3]\"",
            "  web:",
            "    members: \"web[01-04].example.com,web-canary\"",
            "    user: deploy",
            "    become: sudo",
            "    vars:",
            "      http_port: 8080",
            "  db: \"db-a,db-b,db-c\"",
            "  openstack:",
            "    - '@controllers'",
            "    - '@web'",
            "vars:",
            "  datacenter: paris");
  }
}
