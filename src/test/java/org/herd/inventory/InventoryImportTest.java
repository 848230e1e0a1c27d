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

  /**
   * Key files and ssh arguments are written as identity_file and ssh_options, and load the same.
   */
  @org.junit.jupiter.api.Test
  void writesIdentityFilesAndSshOptions() {
    InventoryRef ref = new InventoryRef(InventoryFormat.ANSIBLE, Path.of("hosts.ini"), "hosts.ini");
    String ini =
        """
        [web]
        web1 ansible_ssh_private_key_file=/k/id_web ansible_ssh_common_args='-o ProxyJump=bastion -oCompression=no'
        web2 ansible_ssh_extra_args='-F /etc/herd/ssh_config'
        """;
    Inventory original = InventoryLoader.load(ref, ini);

    String yaml = InventoryImport.toHerdYaml(ref, ini);

    assertThat(yaml.lines().toList())
        .containsSubsequence(
            "  web1:",
            "    identity_file: /k/id_web",
            "    ssh_options:",
            "      - ProxyJump=bastion",
            "      - Compression=no",
            "  web2:",
            "    ssh_config: /etc/herd/ssh_config");
    assertThat(Inventories.herd(yaml).hosts()).as(yaml).isEqualTo(original.hosts());
  }
}
