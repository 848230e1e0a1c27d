package org.herd.lab;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A MariaDB Galera cluster from Debian's {@code mariadb-server} and {@code galera-4}: the first
 * member bootstraps a new cluster with MariaDB's own {@code galera_new_cluster}, the others join
 * one at a time (each receives a state snapshot by rsync), and {@code wsrep_cluster_size} must
 * count every member.
 */
final class GaleraCluster extends ClusterFormation {

  GaleraCluster(HostShell shell, String lab) {
    super(shell, lab);
  }

  /** The Galera settings of {@code member}. */
  static String config(LabHost member, List<LabHost> members, String lab) {
    String addresses = members.stream().map(LabHost::address).collect(Collectors.joining(","));
    return "# herd lab: member of the Galera cluster of lab "
        + lab
        + "\n[galera]\n"
        + "wsrep_on = ON\n"
        + "wsrep_provider = /usr/lib/galera/libgalera_smm.so\n"
        + "wsrep_cluster_name = herd-lab-"
        + lab
        + "\n"
        + "wsrep_cluster_address = gcomm://"
        + addresses
        + "\n"
        + "wsrep_node_address = "
        + member.address()
        + "\n"
        + "wsrep_node_name = "
        + member.name()
        + "\n"
        + "wsrep_sst_method = rsync\n"
        + "binlog_format = row\n"
        + "default_storage_engine = InnoDB\n"
        + "innodb_autoinc_lock_mode = 2\n"
        + "innodb_buffer_pool_size = 64M\n"
        + "bind-address = 0.0.0.0\n";
  }

  @Override
  protected String form(List<LabHost> members, Progress progress) {
    onEach(
        members,
        host ->
            shell.check(
                host,
                "set -e\ncat > /etc/mysql/mariadb.conf.d/99-herd-lab-galera.cnf <<'EOF'\n"
                    + config(host, members, lab)
                    + "EOF\n"
                    + "systemctl stop mariadb\n",
                Duration.ofMinutes(2)));
    LabHost first = members.get(0);
    progress.say(first.name() + ": bootstrapping the cluster (galera_new_cluster)");
    shell.check(first, "galera_new_cluster", Duration.ofMinutes(3));
    for (LabHost joiner : members.subList(1, members.size())) {
      progress.say(joiner.name() + ": joining");
      shell.check(joiner, "systemctl start mariadb", Duration.ofMinutes(5));
    }
    String query = "mariadb -N -B -e \"SHOW STATUS LIKE 'wsrep_cluster_size'\"";
    return awaitHealthy(
        "galera",
        () -> {
          String answer = shell.check(first, query, Duration.ofSeconds(30)).strip();
          if (answer.equals("wsrep_cluster_size\t" + members.size())) {
            return answer;
          }
          throw LabException.failed(answer);
        });
  }
}
