package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

  private static final List<LabHost> MEMBERS =
      List.of(
          new LabHost("lab-1", 1, "10.213.0.11"),
          new LabHost("lab-2", 2, "10.213.0.12"),
          new LabHost("lab-3", 3, "10.213.0.13"));

  private static RepoEntry entry(String name, String version, String source, Placement placement) {
    return new RepoEntry("/x/" + name + ".deb", name, version, source, placement);
  }

  @Test
  void etcdMembersKnowTheWholeInitialCluster() {
    String config = EtcdCluster.config(MEMBERS.get(1), MEMBERS, "lab");
    assertThat(config)
        .contains("ETCD_NAME=\"lab-2\"\n")
        .contains(
            "ETCD_INITIAL_CLUSTER=\"lab-1=http://10.213.0.11:2380,lab-2=http://10.213.0.12:2380,"
                + "lab-3=http://10.213.0.13:2380\"\n")
        .contains("ETCD_LISTEN_PEER_URLS=\"http://10.213.0.12:2380\"\n")
        .contains("ETCD_INITIAL_CLUSTER_STATE=\"new\"\n");
    assertThat(EtcdCluster.endpoints(MEMBERS))
        .isEqualTo("http://10.213.0.11:2379,http://10.213.0.12:2379,http://10.213.0.13:2379");
  }

  @Test
  void galeraMembersListEveryAddress() {
    assertThat(GaleraCluster.config(MEMBERS.get(2), MEMBERS, "lab"))
        .contains("wsrep_cluster_address = gcomm://10.213.0.11,10.213.0.12,10.213.0.13\n")
        .contains("wsrep_node_address = 10.213.0.13\n")
        .contains("wsrep_provider = /usr/lib/galera/libgalera_smm.so\n");
  }

  @Test
  void pinsTakeTheOldVersionOfEveryPackageOfTheSameSource() {
    PackageCatalog catalog =
        new PackageCatalog(
            List.of(
                entry("redis-server", "5:7.0.15-1", "redis", Placement.OLD),
                entry("redis-server", "5:7.0.15-1+lab1", "redis", Placement.NEW),
                entry("redis-tools", "5:7.0.15-1", "redis", Placement.OLD),
                entry("redis-tools", "5:7.0.15-1+lab1", "redis", Placement.NEW),
                entry("redis-sentinel", "5:7.0.15-1", "redis", Placement.OLD),
                entry("liblzf1", "3.6-3", "liblzf", Placement.DEPENDENCY),
                entry("nginx", "1.22.1-9", "nginx", Placement.OLD)));
    assertThat(ClusterFormation.pins(ClusterKind.REDIS_SENTINEL, catalog))
        .containsExactly(
            "redis-server=5:7.0.15-1", "redis-tools=5:7.0.15-1", "redis-sentinel=5:7.0.15-1");
  }

  @Test
  void aMissingServicePackageIsAnError() {
    assertThatThrownBy(() -> ClusterFormation.pins(ClusterKind.ETCD, new PackageCatalog(List.of())))
        .hasMessageContaining("no etcd-server");
  }

  @Test
  void rabbitmqRunningNodesFromTheJsonStatus() {
    String status =
        "{\"cluster_name\":\"rabbit@lab-1\",\"disk_nodes\":[\"rabbit@lab-1\",\"rabbit@lab-2\"],"
            + "\"running_nodes\":[\"rabbit@lab-1\",\"rabbit@lab-2\"],\"versions\":{}}";
    assertThat(RabbitmqCluster.runningNodes(status))
        .containsExactly("rabbit@lab-1", "rabbit@lab-2");
    assertThat(RabbitmqCluster.runningNodes("{}")).isEmpty();
    assertThatThrownBy(() -> RabbitmqCluster.runningNodes("Running Nodes"))
        .hasMessageContaining("not JSON");
  }

  @Test
  void redisSentinelReplyValues() {
    List<String> reply = List.of("name", "herdlab", "num-slaves", "2", "num-other-sentinels", "2");
    assertThat(RedisSentinelCluster.valueOf(reply, "num-slaves")).isEqualTo("2");
    assertThat(RedisSentinelCluster.valueOf(reply, "missing")).isEqualTo("?");
  }

  @Test
  void kindsByLabel() {
    assertThat(ClusterKind.of("redis-sentinel")).isEqualTo(ClusterKind.REDIS_SENTINEL);
    assertThat(ClusterKind.GALERA.label()).isEqualTo("galera");
    assertThatThrownBy(() -> ClusterKind.of("kafka")).hasMessageContaining("etcd, galera");
  }
}
