package org.herd.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a lab cluster is healthy right now, asked of the service itself: for etcd, {@code etcdctl
 * endpoint health --cluster} must report every member healthy; for Galera, every member must report
 * {@code wsrep_cluster_status=Primary}, {@code wsrep_local_state_comment=Synced}, {@code
 * wsrep_ready=ON} and a {@code wsrep_cluster_size} counting every member.
 *
 * @param healthy whether every check passed
 * @param detail what the service said, one line per member or endpoint
 */
public record ClusterHealth(boolean healthy, String detail) {

  /** Asks the {@code kind} cluster on {@code members} through {@code shell}. */
  static ClusterHealth check(ClusterKind kind, List<LabHost> members, HostShell shell) {
    return switch (kind) {
      case ETCD -> etcd(members, shell);
      case GALERA -> galera(members, shell);
      default -> new ClusterHealth(false, "no health check for " + kind.label() + " clusters");
    };
  }

  private static ClusterHealth etcd(List<LabHost> members, HostShell shell) {
    String command =
        "etcdctl --endpoints=" + EtcdCluster.endpoints(members) + " endpoint health --cluster 2>&1";
    ProcessRunner.Result result = shell.run(members.get(0), command, Duration.ofSeconds(30));
    long healthy = result.stdout().lines().filter(l -> l.contains("is healthy")).count();
    return new ClusterHealth(result.ok() && healthy == members.size(), result.stdout().strip());
  }

  private static ClusterHealth galera(List<LabHost> members, HostShell shell) {
    String query =
        "mariadb -N -B -e \"SHOW STATUS WHERE Variable_name IN ('wsrep_cluster_size',"
            + "'wsrep_cluster_status','wsrep_local_state_comment','wsrep_ready')\" 2>&1";
    boolean healthy = true;
    List<String> lines = new ArrayList<>();
    for (LabHost member : members) {
      ProcessRunner.Result result = shell.run(member, query, Duration.ofSeconds(30));
      String answer = result.stdout().strip().replace('\t', '=').replace('\n', ' ');
      lines.add(member.name() + ": " + (answer.isEmpty() ? "no answer" : answer));
      healthy &= galeraMemberHealthy(result.ok(), answer, members.size());
    }
    return new ClusterHealth(healthy, String.join("\n", lines));
  }

  /**
   * Whether one member's {@code name=value} answer shows it healthy in a cluster of {@code size}.
   */
  static boolean galeraMemberHealthy(boolean answered, String answer, int size) {
    List<String> fields = List.of(answer.split(" "));
    return answered
        && fields.contains("wsrep_cluster_size=" + size)
        && fields.contains("wsrep_cluster_status=Primary")
        && fields.contains("wsrep_local_state_comment=Synced")
        && fields.contains("wsrep_ready=ON");
  }
}
