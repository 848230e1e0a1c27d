package org.herd.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Forms a working cluster of one service on lab hosts: installs its old (original Debian) version
 * on every member with starts denied by a policy-rc.d (so that nothing runs with the package's
 * single-node defaults), configures the members for each other, starts them in the order the
 * service needs, and waits until the service's own health check passes.
 */
public abstract class ClusterFormation {

  /** How long a cluster may take to become healthy after its members start. */
  static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

  /** The shell into the members. */
  protected final HostShell shell;

  /** The lab's name, used for cluster names and tokens. */
  protected final String lab;

  /** A formation run through {@code shell}. */
  protected ClusterFormation(HostShell shell, String lab) {
    this.shell = shell;
    this.lab = lab;
  }

  /** The formation of {@code kind}. */
  public static ClusterFormation of(ClusterKind kind, HostShell shell, String lab) {
    return switch (kind) {
      case ETCD -> new EtcdCluster(shell, lab);
      case GALERA -> new GaleraCluster(shell, lab);
      case RABBITMQ -> new RabbitmqCluster(shell, lab);
      case REDIS_SENTINEL -> new RedisSentinelCluster(shell, lab);
    };
  }

  /** Configures and starts the members (the old packages are installed); returns the health. */
  protected abstract String form(List<LabHost> members, Progress progress);

  /** Installs the old packages everywhere, forms the cluster, checks its health. */
  public ClusterReport run(
      ClusterKind kind, List<LabHost> members, PackageCatalog catalog, Progress progress) {
    List<String> pins = pins(kind, catalog);
    progress.say("installing " + String.join(" ", pins) + " on " + names(members));
    String install =
        "set -e\n"
            + "printf '#!/bin/sh\\n# herd lab: no service starts while the cluster is set up\\nexit 101\\n'"
            + " > /usr/sbin/policy-rc.d\n"
            + "chmod 755 /usr/sbin/policy-rc.d\n"
            + "trap 'rm -f /usr/sbin/policy-rc.d' EXIT\n"
            + "apt-get -q -y -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold"
            + " --no-install-recommends --allow-downgrades install "
            + String.join(" ", pins)
            + "\n";
    onEach(members, host -> shell.check(host, install, Duration.ofMinutes(10)));
    progress.say("forming the " + kind.label() + " cluster on " + names(members));
    String health = form(members, progress);
    return new ClusterReport(kind, names(members), pins, health);
  }

  /**
   * {@code package=version} for every old package of the sources of {@code kind}'s packages, so
   * that apt takes the old version of each even when the lab shows the new suite.
   */
  static List<String> pins(ClusterKind kind, PackageCatalog catalog) {
    Set<String> sources = new LinkedHashSet<>();
    for (RepoEntry entry : catalog.entries()) {
      if (kind.packages().contains(entry.name())) {
        sources.add(entry.source());
      }
    }
    List<String> pins = new ArrayList<>();
    for (RepoEntry entry : catalog.entries()) {
      boolean wanted =
          kind.packages().contains(entry.name())
              || (entry.placement() == Placement.OLD && sources.contains(entry.source()));
      if (wanted && entry.placement() != Placement.NEW) {
        pins.add(entry.pin());
      }
    }
    for (String name : kind.packages()) {
      if (pins.stream().noneMatch(p -> p.startsWith(name + "="))) {
        throw LabException.failed("lab repository: no " + name + " to install");
      }
    }
    return pins;
  }

  // One thread per member: the work is waiting on the members, not computing.
  private static final Executor THREAD_PER_TASK =
      task -> {
        Thread thread = new Thread(task, "lab-cluster");
        thread.setDaemon(true);
        thread.start();
      };

  /** Runs {@code action} on every member at once and waits for all. */
  protected static void onEach(List<LabHost> members, Consumer<LabHost> action) {
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (LabHost host : members) {
      all.add(CompletableFuture.runAsync(() -> action.accept(host), THREAD_PER_TASK));
    }
    all.forEach(LabUp::join);
  }

  /** Retries {@code check} until it returns a non-null answer or the health deadline passes. */
  protected String awaitHealthy(String what, Supplier<String> check) {
    Deadline deadline = Deadline.in(HEALTHY_WITHIN);
    String last = null;
    while (deadline.pending()) {
      try {
        String answer = check.get();
        if (answer != null) {
          return answer;
        }
      } catch (LabException notYet) {
        last = notYet.getMessage();
      }
      Container.sleep(Duration.ofSeconds(2));
    }
    throw LabException.failed(
        what
            + ": not healthy after "
            + HEALTHY_WITHIN.toSeconds()
            + " s"
            + (last == null ? "" : ": " + last));
  }

  /** The names of {@code hosts}. */
  protected static List<String> names(List<LabHost> hosts) {
    return hosts.stream().map(LabHost::name).toList();
  }
}
