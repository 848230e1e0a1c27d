package org.herd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.herd.inventory.Cluster;
import org.herd.inventory.DisruptionBudget;
import org.herd.inventory.Inventory;
import org.herd.inventory.Wave;

/**
 * The constraints a run is admitted under (see {@link Admission}): its clusters with their budgets,
 * its waves, how standalone hosts are batched, the canary option, and how long a failing health
 * gate is waited for. Made from the inventory for the run's hosts; immutable.
 *
 * @param clusters the clusters with at least one host in the run, in declaration order
 * @param waves the stages of the rollout in order; every host of the run is in exactly one
 * @param serial the batches of hosts in no cluster
 * @param canary the canary option
 * @param gateRetry how often a failing health gate or ok-to-stop check is asked again
 * @param gateDeadline how long a gate may keep failing before what waits on it is given up
 */
public record Rollout(
    List<ClusterRule> clusters,
    List<Stage> waves,
    Serial serial,
    Canary canary,
    Duration gateRetry,
    Duration gateDeadline) {

  /** The default time between two asks of a failing gate. */
  public static final Duration GATE_RETRY = Duration.ofSeconds(1);

  /** The default time a gate may keep failing. */
  public static final Duration GATE_DEADLINE = Duration.ofMinutes(30);

  /** The name of the implicit last wave holding the hosts no declared wave has. */
  public static final String REST = "rest";

  /** Freezes and checks the rollout. */
  public Rollout {
    clusters = List.copyOf(clusters);
    waves = List.copyOf(waves);
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(canary, "canary");
    if (gateRetry.isNegative() || gateRetry.isZero()) {
      throw new IllegalArgumentException("the gate retry interval must be positive");
    }
    Objects.requireNonNull(gateDeadline, "gateDeadline");
  }

  /**
   * A cluster as the scheduler sees it.
   *
   * @param name the cluster's name
   * @param members its members in the run, in inventory order (the policy may reorder them)
   * @param allowed how many members may be out at once (from the whole cluster's size)
   * @param installsAhead whether members install their packages ahead of their turn, services held
   *     (the recipe's {@code install: ahead})
   */
  public record ClusterRule(String name, List<String> members, int allowed, boolean installsAhead) {
    /** Freezes the rule. */
    public ClusterRule {
      members = List.copyOf(members);
      if (allowed < 1) {
        throw new IllegalArgumentException("cluster " + name + " allows no member out");
      }
    }

    /** A rule whose members install in their turn. */
    public ClusterRule(String name, List<String> members, int allowed) {
      this(name, members, allowed, false);
    }
  }

  /**
   * A wave as the scheduler sees it.
   *
   * @param name the wave's name
   * @param hosts its hosts in the run, in run order
   * @param soak how long it is watched before the next wave starts
   */
  public record Stage(String name, List<String> hosts, Duration soak) {
    /** Freezes the stage. */
    public Stage {
      hosts = List.copyOf(hosts);
    }
  }

  /** No cluster, one wave: every host a standalone host, batched by {@code serial}. */
  public static Rollout standalone(List<String> hosts, Serial serial) {
    return new Rollout(
        List.of(),
        List.of(new Stage(REST, hosts, Duration.ZERO)),
        serial,
        Canary.NONE,
        GATE_RETRY,
        GATE_DEADLINE);
  }

  /**
   * The rollout of {@code hosts} under {@code inventory}'s clusters and waves. Hosts no wave has go
   * in a last wave named {@value #REST}. A cluster without a budget in the inventory gets {@code
   * recipeBudgets}' answer for its recipe's name (the budget the recipe declares); its members
   * install ahead of their turn when {@code installsAhead} says so of its recipe's name.
   */
  public static Rollout of(
      Inventory inventory,
      List<String> hosts,
      Serial serial,
      Canary canary,
      Function<String, DisruptionBudget> recipeBudgets,
      java.util.function.Predicate<String> installsAhead) {
    Set<String> inRun = new LinkedHashSet<>(hosts);
    List<ClusterRule> rules = new ArrayList<>();
    for (Cluster cluster : inventory.clusters()) {
      List<String> members = cluster.orderedMembers().stream().filter(inRun::contains).toList();
      if (!members.isEmpty()) {
        rules.add(
            new ClusterRule(
                cluster.name(),
                members,
                cluster.allowed(recipeBudgets.apply(cluster.recipe())),
                installsAhead.test(cluster.recipe())));
      }
    }
    List<Stage> stages = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    for (Wave wave : inventory.waves()) {
      List<String> waveHosts = hosts.stream().filter(h -> wave.hosts().contains(h)).toList();
      if (!waveHosts.isEmpty()) {
        stages.add(new Stage(wave.name(), waveHosts, wave.soak()));
        placed.addAll(waveHosts);
      }
    }
    List<String> rest = hosts.stream().filter(h -> !placed.contains(h)).toList();
    if (!rest.isEmpty() || stages.isEmpty()) {
      stages.add(new Stage(REST, rest, Duration.ZERO));
    }
    return new Rollout(rules, stages, serial, canary, GATE_RETRY, GATE_DEADLINE);
  }

  /**
   * The hosts that install ahead of their turn: members of clusters every one of which installs
   * ahead ({@link ClusterRule#installsAhead()}); hosts in no cluster never do.
   */
  public Set<String> installingAhead() {
    java.util.Map<String, Boolean> ahead = new java.util.HashMap<>();
    for (ClusterRule rule : clusters) {
      for (String member : rule.members()) {
        ahead.merge(member, rule.installsAhead(), Boolean::logicalAnd);
      }
    }
    Set<String> hosts = new LinkedHashSet<>();
    ahead.forEach(
        (host, yes) -> {
          if (yes) {
            hosts.add(host);
          }
        });
    return hosts;
  }

  /** This rollout with other gate timings. */
  public Rollout withGateTimings(Duration retry, Duration deadline) {
    return new Rollout(clusters, waves, serial, canary, retry, deadline);
  }
}
