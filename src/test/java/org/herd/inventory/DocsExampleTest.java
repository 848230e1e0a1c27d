package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loads the example inventory of {@code docs/inventory.md} exactly as the documentation shows it,
 * so the documentation cannot rot.
 */
class DocsExampleTest {

  private static final Path EXAMPLE = Path.of("docs/examples/site.yaml");

  private static Inventory site() {
    return InventoryLoader.load(
        new InventoryRef(InventoryFormat.HERD, EXAMPLE, EXAMPLE.toString()));
  }

  @Test
  void theDocumentationShowsTheExampleFileVerbatim() throws IOException {
    String doc = Files.readString(Path.of("docs/inventory.md"));
    String example = Files.readString(EXAMPLE);
    assertThat(doc).contains("```yaml\n" + example + "```\n");
  }

  @Test
  void theExampleLoadsAndMeansWhatTheDocumentationSays() {
    Inventory site = site();
    assertThat(site.hosts()).hasSize(3 + 3 + 12 + 40 + 1 + 2 + 1);
    assertThat(site.clusters())
        .extracting(Cluster::name)
        .containsExactly("rabbitmq", "galera", "kafka", "web-pool");
    Cluster rabbit = site.cluster("rabbitmq").orElseThrow();
    assertThat(rabbit.members().fold()).isEqualTo("ctl[1-3]");
    assertThat(rabbit.orderedMembers()).containsExactly("ctl3", "ctl2", "ctl1");
    assertThat(site.cluster("kafka").orElseThrow().recipe()).isEqualTo("kafka");
    assertThat(site.cluster("web-pool").orElseThrow().allowed(DisruptionBudget.ONE)).isEqualTo(3);
    assertThat(site.clustersOf("ctl2"))
        .extracting(Cluster::name)
        .containsExactly("rabbitmq", "galera");
    assertThat(site.waves())
        .extracting(Wave::name)
        .containsExactly("staging", "canary", "production");
    assertThat(site.waves().get(0).hosts().fold()).isEqualTo("stg-ctl1,stg-web[1-2]");
    assertThat(site.waves().get(0).soak()).isEqualTo(Duration.ofMinutes(30));
    assertThat(site.waves().get(2).hosts().size()).isEqualTo(62 - 3 - 2);
    assertThat(site.waves().get(2).hosts().contains("web01")).isFalse();
    assertThat(site.select("@openstack").size()).isEqualTo(55);
    assertThat(site.vars()).containsEntry("site", "par1");
  }

  @Test
  void connectionSettingsOfTheExample() {
    Inventory site = site();
    Connection ctl = site.host("ctl1").orElseThrow().connection();
    String config = Path.of("docs/examples/ssh_config").toAbsolutePath().normalize().toString();
    assertThat(ctl)
        .isEqualTo(
            new Connection(
                "ctl1", "deploy", 22, Transport.SSH, Become.SUDO, config, null, List.of()));
    Connection bastion = site.host("bastion").orElseThrow().connection();
    assertThat(bastion)
        .isEqualTo(
            new Connection(
                "192.0.2.10", "root", 2222, Transport.SSH, Become.NONE, config, null, List.of()));
    assertThat(site.host("cmp003").orElseThrow().connection().transport())
        .isEqualTo(Transport.OPENSSH);
    assertThat(site.host("cmp005").orElseThrow().connection().transport()).isEqualTo(Transport.SSH);
    assertThat(site.host("web07").orElseThrow().vars())
        .containsEntry("lb_backend", "web_pool")
        .containsEntry("site", "par1");
    assertThat(site.host("bastion").orElseThrow().vars()).containsEntry("role", "jump host");
    assertThat(site.groupsOf("web03"))
        .extracting(Group::name)
        .isEqualTo(List.of("web", "openstack"));
  }
}
