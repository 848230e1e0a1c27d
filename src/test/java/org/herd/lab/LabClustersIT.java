package org.herd.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Galera, RabbitMQ and Redis Sentinel form real clusters from their old Debian versions. */
@ExtendWith(LabExtension.class)
class LabClustersIT {

  @Test
  void galeraCountsEveryMember(TestLab lab) {
    ClusterReport report = lab.lab().cluster(lab.name(), ClusterKind.GALERA, List.of());
    assertThat(report.health()).isEqualTo("wsrep_cluster_size\t3");
    // Written on one member, read on another: the cluster replicates.
    lab.sh(
        lab.host(1),
        "mariadb -e \"CREATE DATABASE IF NOT EXISTS herdit;"
            + " CREATE TABLE IF NOT EXISTS herdit.t (id INT PRIMARY KEY);"
            + " REPLACE INTO herdit.t VALUES (42)\"");
    assertThat(lab.sh(lab.host(3), "mariadb -N -B -e 'SELECT id FROM herdit.t'").strip())
        .isEqualTo("42");
  }

  @Test
  void rabbitmqRunsEveryMember(TestLab lab) {
    ClusterReport report = lab.lab().cluster(lab.name(), ClusterKind.RABBITMQ, List.of());
    for (LabHost host : lab.hosts().subList(0, 3)) {
      assertThat(report.health()).contains("rabbit@" + host.name());
    }
  }

  @Test
  void redisSentinelsSeeEveryReplicaAndEachOther(TestLab lab) {
    ClusterReport report = lab.lab().cluster(lab.name(), ClusterKind.REDIS_SENTINEL, List.of());
    assertThat(report.health()).contains("2 replicas, 3 sentinels");
    assertThat(lab.sh(lab.host(2), "redis-cli role | head -1").strip()).isEqualTo("slave");
  }
}
