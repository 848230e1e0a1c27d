package org.herd.lab;

import java.time.Duration;
import java.util.List;

/**
 * Redis with Sentinel from Debian's {@code redis-server} and {@code redis-sentinel}: the first
 * member is the primary, the others replicate it, a Sentinel on every member monitors it under the
 * name {@code herdlab} with a quorum of a majority, and {@code SENTINEL MASTER herdlab} must count
 * every replica and every other Sentinel.
 */
final class RedisSentinelCluster extends ClusterFormation {

  /** The name the Sentinels know the primary by. */
  static final String MASTER = "herdlab";

  RedisSentinelCluster(HostShell shell, String lab) {
    super(shell, lab);
  }

  @Override
  protected String form(List<LabHost> members, Progress progress) {
    LabHost primary = members.get(0);
    int quorum = members.size() / 2 + 1;
    onEach(
        members,
        host -> {
          String replica = host.equals(primary) ? "" : "replicaof " + primary.address() + " 6379\n";
          shell.check(
              host,
              "set -e\n"
                  + "systemctl stop redis-sentinel redis-server\n"
                  + "sed -i -e '/^# herd lab/,$d' /etc/redis/redis.conf\n"
                  + "cat >> /etc/redis/redis.conf <<'EOF'\n"
                  + "# herd lab: member of the Redis cluster of lab "
                  + lab
                  + "\nbind 0.0.0.0\nprotected-mode no\n"
                  + replica
                  + "EOF\n"
                  // Debian's sentinel.conf monitors "mymaster" (spelt SENTINEL or sentinel).
                  + "sed -i -e '/^sentinel .*mymaster/Id' -e '/^sentinel .*"
                  + MASTER
                  + "/Id' -e '/^bind /d' -e '/^protected-mode /d' -e '/^sentinel myid/Id'"
                  + " -e '/^sentinel known-/Id' /etc/redis/sentinel.conf\n"
                  + "cat >> /etc/redis/sentinel.conf <<'EOF'\n"
                  + "bind 0.0.0.0\nprotected-mode no\n"
                  + "sentinel monitor "
                  + MASTER
                  + " "
                  + primary.address()
                  + " 6379 "
                  + quorum
                  + "\nsentinel down-after-milliseconds "
                  + MASTER
                  + " 5000\nsentinel failover-timeout "
                  + MASTER
                  + " 60000\n"
                  + "EOF\n"
                  + "systemctl start redis-server\n",
              Duration.ofMinutes(2));
        });
    onEach(
        members,
        host -> shell.check(host, "systemctl start redis-sentinel", Duration.ofMinutes(2)));
    int others = members.size() - 1;
    return awaitHealthy(
        "redis-sentinel",
        () -> {
          String answer =
              shell.check(
                  primary, "redis-cli -p 26379 sentinel master " + MASTER, Duration.ofSeconds(30));
          List<String> lines = answer.lines().map(String::strip).toList();
          String replicas = valueOf(lines, "num-slaves");
          String sentinels = valueOf(lines, "num-other-sentinels");
          if (replicas.equals(Integer.toString(others))
              && sentinels.equals(Integer.toString(others))) {
            return "master "
                + MASTER
                + " at "
                + primary.address()
                + ":6379, "
                + replicas
                + " replicas, "
                + (others + 1)
                + " sentinels (quorum "
                + quorum
                + ")";
          }
          throw LabException.failed("replicas " + replicas + ", other sentinels " + sentinels);
        });
  }

  /** The value following {@code key} in redis-cli's one-item-per-line reply. */
  static String valueOf(List<String> lines, String key) {
    int at = lines.indexOf(key);
    return at >= 0 && at + 1 < lines.size() ? lines.get(at + 1) : "?";
  }
}
