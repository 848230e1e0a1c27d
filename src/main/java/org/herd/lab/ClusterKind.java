package org.herd.lab;

import java.util.List;
import java.util.Locale;

/** The clustered services {@code herd lab cluster} can form from their old Debian versions. */
public enum ClusterKind {
  /** etcd, checked with {@code etcdctl endpoint health --cluster}. */
  ETCD(List.of("etcd-server", "etcd-client")),
  /** MariaDB with Galera, checked with {@code wsrep_cluster_size}. */
  GALERA(List.of("mariadb-server", "galera-4", "rsync")),
  /** RabbitMQ, checked with {@code rabbitmqctl cluster_status}. */
  RABBITMQ(List.of("rabbitmq-server")),
  /** Redis with a replica per extra host and a Sentinel on every host. */
  REDIS_SENTINEL(List.of("redis-server", "redis-sentinel"));

  private final List<String> packages;

  ClusterKind(List<String> packages) {
    this.packages = packages;
  }

  /** The packages installed on every member. */
  public List<String> packages() {
    return packages;
  }

  /** The name used on the command line, as in {@code redis-sentinel}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind called {@code label}, or a bad-input error listing the kinds. */
  public static ClusterKind of(String label) {
    for (ClusterKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw LabException.badInput(
        "cluster kind '" + label + "': expected etcd, galera, rabbitmq or redis-sentinel");
  }
}
