package org.herd.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A RabbitMQ cluster from Debian's {@code rabbitmq-server}: every member gets the same Erlang
 * cookie before its first start, the others join the first with {@code rabbitmqctl join_cluster},
 * and {@code rabbitmqctl cluster_status} must list every member as running.
 */
final class RabbitmqCluster extends ClusterFormation {

  private static final ObjectMapper JSON = new ObjectMapper();

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
              shell.check(
                  first, "rabbitmqctl -q cluster_status --formatter json", Duration.ofMinutes(1));
          List<String> running = runningNodes(status);
          List<String> expected = members.stream().map(m -> "rabbit@" + m.name()).toList();
          if (running.containsAll(expected)) {
            return "running nodes: " + String.join(", ", running);
          }
          throw LabException.failed("running nodes: " + String.join(", ", running));
        });
  }

  /** The {@code running_nodes} of {@code rabbitmqctl cluster_status --formatter json}. */
  static List<String> runningNodes(String json) {
    try {
      List<String> nodes = new ArrayList<>();
      JsonNode running = JSON.readTree(json).path("running_nodes");
      running.forEach(node -> nodes.add(node.asText()));
      return nodes;
    } catch (JsonProcessingException e) {
      throw LabException.failed("rabbitmqctl cluster_status: not JSON: " + e.getOriginalMessage());
    }
  }
}
