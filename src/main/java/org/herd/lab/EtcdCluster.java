package org.herd.lab;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An etcd cluster from Debian's {@code etcd-server}: every member gets the whole initial cluster in
 * {@code /etc/default/etcd} (read by Debian's unit), all start together (etcd waits for a quorum of
 * its peers), and {@code etcdctl endpoint health --cluster} must report every member healthy.
 */
final class EtcdCluster extends ClusterFormation {

  EtcdCluster(HostShell shell, String lab) {
    super(shell, lab);
  }

  /** The /etc/default/etcd of {@code member}. */
  static String config(LabHost member, List<LabHost> members, String lab) {
    String cluster =
        members.stream()
            .map(m -> m.name() + "=http://" + m.address() + ":2380")
            .collect(Collectors.joining(","));
    return "# herd lab: member of the etcd cluster of lab "
        + lab
        + "\n"
        + "ETCD_NAME=\""
        + member.name()
        + "\"\n"
        + "ETCD_DATA_DIR=\"/var/lib/etcd/herd-lab\"\n"
        + "ETCD_LISTEN_PEER_URLS=\"http://"
        + member.address()
        + ":2380\"\n"
        + "ETCD_LISTEN_CLIENT_URLS=\"http://"
        + member.address()
        + ":2379,http://127.0.0.1:2379\"\n"
        + "ETCD_INITIAL_ADVERTISE_PEER_URLS=\"http://"
        + member.address()
        + ":2380\"\n"
        + "ETCD_ADVERTISE_CLIENT_URLS=\"http://"
        + member.address()
        + ":2379\"\n"
        + "ETCD_INITIAL_CLUSTER=\""
        + cluster
        + "\"\n"
        + "ETCD_INITIAL_CLUSTER_STATE=\"new\"\n"
        + "ETCD_INITIAL_CLUSTER_TOKEN=\"herd-lab-"
        + lab
        + "\"\n";
  }

  /** The client endpoints of every member, for etcdctl. */
  static String endpoints(List<LabHost> members) {
    return members.stream()
        .map(m -> "http://" + m.address() + ":2379")
        .collect(Collectors.joining(","));
  }

  @Override
  protected String form(List<LabHost> members, Progress progress) {
    onEach(
        members,
        host ->
            shell.check(
                host,
                "set -e\ncat > /etc/default/etcd <<'EOF'\n"
                    + config(host, members, lab)
                    + "EOF\n"
                    + "systemctl enable etcd >/dev/null 2>&1\n"
                    + "systemctl restart --no-block etcd\n",
                Duration.ofMinutes(1)));
    LabHost first = members.get(0);
    String command = "etcdctl --endpoints=" + endpoints(members) + " endpoint health --cluster";
    return awaitHealthy(
        "etcd",
        () -> {
          ProcessRunner.Result result = shell.run(first, command + " 2>&1", Duration.ofSeconds(30));
          long healthy = result.stdout().lines().filter(l -> l.contains("is healthy")).count();
          if (result.ok() && healthy == members.size()) {
            return result.stdout().strip();
          }
          throw LabException.failed(result.stdout().strip());
        });
  }
}
