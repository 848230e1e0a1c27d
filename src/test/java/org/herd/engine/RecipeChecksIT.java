package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.lab.ClusterKind;
import org.herd.lab.LabExtension;
import org.herd.lab.LabHost;
import org.herd.lab.TestLab;
import org.herd.recipe.Check;
import org.herd.recipe.RecipeCatalog;
import org.herd.transport.Endpoint;
import org.herd.transport.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built-in etcd and galera recipes on real clusters of the lab: their gates pass on a healthy
 * cluster, fail when one member's service is stopped, and pass again once it is back; etcd's order
 * puts the current leader last, and its drain hands leadership to another member. One formed
 * cluster serves every assertion of its test.
 */
@ExtendWith(LabExtension.class)
class RecipeChecksIT {

  @Test
  void etcdGatesOrderAndDrainOnARealCluster(TestLab lab) throws Exception {
    lab.lab().cluster(lab.name(), ClusterKind.ETCD, List.of());
    List<LabHost> members = lab.hosts().subList(0, 3);
    try (Transport transport = LabSessions.transport(lab)) {
      ClusterBinding etcd = binding(lab, members, "etcd");
      RecipeChecks checks = realChecks(transport, members);
      RecipePolicy policy = new RecipePolicy(Map.of("etcd", etcd), checks, false);
      RecipeStepActions steps =
          new RecipeStepActions(
              new ScriptedActions(), ClusterBindings.byHost(Map.of("etcd", etcd)), checks);

      assertThat(policy.gate("etcd")).isEqualTo(GateVerdict.PASS);
      for (LabHost member : members) {
        assertThat(policy.okToStop("etcd", member.name())).isEqualTo(GateVerdict.PASS);
      }

      // The leader goes last; draining it hands leadership to another member.
      String leader = leader(lab, members);
      List<String> order = policy.order("etcd", etcd.members());
      assertThat(order).hasSize(3).last().isEqualTo(leader);
      StepResult drained = steps.run(leader, UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
      assertThat(drained.succeeded()).as(drained.output()).isTrue();
      String newLeader = leader(lab, members);
      assertThat(newLeader).isNotEqualTo(leader);
      assertThat(policy.order("etcd", etcd.members())).last().isEqualTo(newLeader);
      // Draining a follower moves nothing.
      assertThat(steps.run(leader, UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1).output())
          .contains("does not lead");
      assertThat(leader(lab, members)).isEqualTo(newLeader);

      // One member stopped: the gate fails, naming it; its own health fails.
      LabHost stopped = members.get(2);
      lab.sh(stopped, "systemctl stop etcd");
      GateVerdict gate = policy.gate("etcd");
      assertThat(gate.passed()).isFalse();
      assertThat(((GateVerdict.Fail) gate).reason()).contains(stopped.address());
      Check memberHealth = etcd.recipe().memberHealth().get(0);
      assertThat(checks.once(etcd, memberHealth, stopped.name()).passed()).isFalse();
      assertThat(policy.okToStop("etcd", members.get(0).name()).passed()).isFalse();

      // Back again: the health step waits until member and cluster are healthy.
      lab.sh(stopped, "systemctl start --no-block etcd");
      StepResult health =
          steps.run(stopped.name(), UpgradeStep.HEALTH, StepActions.Attempt.FRESH, 1);
      assertThat(health.succeeded()).as(health.reason()).isTrue();
      assertThat(policy.gate("etcd")).isEqualTo(GateVerdict.PASS);
    }
  }

  @Test
  void galeraGateNeedsEveryMemberSyncedInAFullPrimaryComponent(TestLab lab) throws Exception {
    lab.lab().cluster(lab.name(), ClusterKind.GALERA, List.of());
    List<LabHost> members = lab.hosts().subList(0, 3);
    try (Transport transport = LabSessions.transport(lab)) {
      ClusterBinding galera = binding(lab, members, "galera");
      RecipeChecks checks = realChecks(transport, members);
      RecipePolicy policy = new RecipePolicy(Map.of("galera", galera), checks, false);
      RecipeStepActions steps =
          new RecipeStepActions(
              new ScriptedActions(), ClusterBindings.byHost(Map.of("galera", galera)), checks);

      assertThat(policy.gate("galera")).isEqualTo(GateVerdict.PASS);
      assertThat(policy.okToStop("galera", members.get(1).name())).isEqualTo(GateVerdict.PASS);
      assertThat(policy.order("galera", galera.members())).isEqualTo(galera.members());

      LabHost stopped = members.get(2);
      lab.sh(stopped, "systemctl stop mariadb");
      GateVerdict gate = policy.gate("galera");
      assertThat(gate.passed()).isFalse();
      // The first member sees a cluster of 2 where the recipe wants 3.
      assertThat(((GateVerdict.Fail) gate).reason())
          .startsWith(members.get(0).name() + ": ")
          .contains("wsrep_cluster_size\t2");
      Check memberHealth = galera.recipe().memberHealth().get(0);
      assertThat(checks.once(galera, memberHealth, stopped.name()).passed()).isFalse();

      lab.sh(stopped, "systemctl start mariadb");
      StepResult health =
          steps.run(stopped.name(), UpgradeStep.HEALTH, StepActions.Attempt.FRESH, 1);
      assertThat(health.succeeded()).as(health.reason()).isTrue();
      assertThat(policy.gate("galera")).isEqualTo(GateVerdict.PASS);

      rejoinProviderOptionsAreSharedWhileAMemberIsOutThenGivenBack(lab, members, checks);
    }
  }

  /**
   * The galera recipe's opt-in: the drain of one member gives every member the provider options
   * (running at once, and in a drop-in that keeps the site's own options for the member that
   * restarts); the undrain gives every member its configuration and running values back.
   */
  private static void rejoinProviderOptionsAreSharedWhileAMemberIsOutThenGivenBack(
      TestLab lab, List<LabHost> members, RecipeChecks checks) {
    String opts = "evs.join_retrans_period=PT0.2S;evs.keepalive_period=PT0.2S";
    ClusterBinding tuned = binding(lab, members, "galera", Map.of("rejoin_provider_options", opts));
    RecipeStepActions steps =
        new RecipeStepActions(
            new ScriptedActions(), ClusterBindings.byHost(Map.of("galera", tuned)), checks);
    LabHost out = members.get(1);
    String site = "/etc/mysql/mariadb.conf.d/70-site.cnf";
    String dropIn = "/etc/mysql/mariadb.conf.d/zz-herd-rejoin.cnf";
    String running = "mariadb -N -B -e 'SELECT @@wsrep_provider_options' | tr ';' '\\n'";
    lab.sh(out, "printf '[galera]\\nwsrep_provider_options = \"gcache.size=64M\"\\n' > " + site);
    try {
      StepResult drain = steps.run(out.name(), UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
      assertThat(drain.succeeded()).as(drain.reason()).isTrue();
      for (LabHost member : members) {
        assertThat(lab.sh(member, running)).contains("evs.keepalive_period = PT0.2S");
        assertThat(lab.sh(member, "cat /run/herd-galera-rejoin.saved").strip())
            .isEqualTo("evs.join_retrans_period=PT1S;evs.keepalive_period=PT1S");
      }
      assertThat(lab.sh(out, "cat " + dropIn))
          .contains("wsrep_provider_options = \"gcache.size=64M;" + opts + "\"");

      lab.sh(out, "systemctl restart mariadb");
      StepResult health = steps.run(out.name(), UpgradeStep.HEALTH, StepActions.Attempt.FRESH, 1);
      assertThat(health.succeeded()).as(health.reason()).isTrue();
      assertThat(lab.sh(out, running))
          .contains("evs.join_retrans_period = PT0.2S", "gcache.size = 64M");

      StepResult undrain = steps.run(out.name(), UpgradeStep.UNDRAIN, StepActions.Attempt.FRESH, 1);
      assertThat(undrain.succeeded()).as(undrain.reason()).isTrue();
      for (LabHost member : members) {
        assertThat(lab.sh(member, running))
            .contains("evs.join_retrans_period = PT1S", "evs.keepalive_period = PT1S");
        assertThat(lab.sh(member, "ls /etc/mysql/mariadb.conf.d/ /run/"))
            .doesNotContain("zz-herd-rejoin.cnf", "herd-galera-rejoin.saved");
      }
    } finally {
      lab.sh(out, "rm -f " + site);
    }
  }

  private static ClusterBinding binding(TestLab lab, List<LabHost> members, String recipe) {
    return binding(lab, members, recipe, Map.of());
  }

  private static ClusterBinding binding(
      TestLab lab, List<LabHost> members, String recipe, Map<String, String> vars) {
    Map<String, String> addresses = new LinkedHashMap<>();
    members.forEach(m -> addresses.put(m.name(), m.address()));
    return new ClusterBinding(
        recipe,
        RecipeCatalog.builtins().find(recipe).orElseThrow(),
        members.stream().map(LabHost::name).toList(),
        addresses,
        vars);
  }

  private static RecipeChecks realChecks(Transport transport, List<LabHost> members) {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    members.forEach(m -> endpoints.put(m.name(), Endpoint.of(m.name())));
    return new RecipeChecks(
        new SessionProbes(transport, endpoints), Clock.systemUTC(), Sleeper.SYSTEM);
  }

  /** The member whose own etcd says it leads (asked on each member, not as the recipe does). */
  private static String leader(TestLab lab, List<LabHost> members) {
    for (LabHost member : members) {
      String status =
          lab.sh(
              member,
              "ETCDCTL_API=3 etcdctl --endpoints=http://127.0.0.1:2379 endpoint status -w json");
      if (status.replace(" ", "").matches("(?s).*\"leader\":(\\d+).*")
          && leaderId(status).equals(memberId(status))) {
        return member.name();
      }
    }
    throw new AssertionError("no etcd member leads");
  }

  private static String leaderId(String json) {
    return json.replace(" ", "").replaceAll("(?s).*\"leader\":(\\d+).*", "$1");
  }

  private static String memberId(String json) {
    return json.replace(" ", "").replaceAll("(?s).*\"member_id\":(\\d+).*", "$1");
  }
}
