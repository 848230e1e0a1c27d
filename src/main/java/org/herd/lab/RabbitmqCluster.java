package org.herd.lab;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A RabbitMQ cluster from Debian's {@code rabbitmq-server}: every member gets the same Erlang
 * cookie before its first start, the others join the first with {@code rabbitmqctl join_cluster},
 * and {@code rabbitmqctl cluster_status} must list every member as running.
 */
final class RabbitmqCluster extends ClusterFormation {

  RabbitmqCluster(HostShell shell, String lab) {
    super(shell, lab);
  }

  @Override
  protected String form(List<LabHost> members, Progress progress) {
    String cookie =
        UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    onEach(
        members,
        host ->
            shell.check(
                host,
                "set -e\n"
                    + "systemctl stop rabbitmq-server\n"
                    + "printf '%s' '"
                    + cookie
                    + "' > /var/lib/rabbitmq/.erlang.cookie\n"
                    + "chown rabbitmq:rabbitmq /var/lib/rabbitmq/.erlang.cookie\n"
                    + "chmod 400 /var/lib/rabbitmq/.erlang.cookie\n"
                    + "rm -rf /var/lib/rabbitmq/mnesia\n"
                    + "systemctl start rabbitmq-server\n",
                Duration.ofMinutes(5)));
    LabHost first = members.get(0);
    for (LabHost joiner : members.subList(1, members.size())) {
      progress.say(joiner.name() + ": joining rabbit@" + first.name());
      shell.check(
          joiner,
          "set -e\nrabbitmqctl -q stop_app\nrabbitmqctl -q join_cluster rabbit@"
              + first.name()
              + "\nrabbitmqctl -q start_app\n",
          Duration.ofMinutes(3));
    }
    return awaitHealthy(
        "rabbitmq",
        () -> {
          String status =
              shell.check(first, "rabbitmqctl -q cluster_status", Duration.ofMinutes(1));
          String running = section(status, "Running Nodes");
          boolean all = members.stream().allMatch(m -> running.contains("rabbit@" + m.name()));
          if (all) {
            return status.strip();
          }
          throw LabException.failed("running nodes: " + running.strip());
        });
  }

  /** The lines of {@code title}'s section of rabbitmqctl's cluster_status output. */
  static String section(String status, String title) {
    StringBuilder out = new StringBuilder();
    boolean in = false;
    for (String line : status.lines().toList()) {
      if (line.strip().equals(title)) {
        in = true;
        continue;
      }
      if (in && line.isBlank() && out.length() > 0) {
        break;
      }
      if (in && !line.isBlank()) {
        out.append(line.strip()).append('\n');
      }
    }
    return out.toString();
  }
}
