package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.engine.ScriptedProbes.exit;
import static org.herd.engine.ScriptedProbes.ok;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.herd.recipe.Check;
import org.herd.recipe.Recipe;
import org.herd.recipe.RecipeCatalog;
import org.junit.jupiter.api.Test;

/**
 * Recipe checks on a scripted cluster in virtual time: scopes, expectations, stable-for, deadline.
 */
class RecipeChecksTest {

  private final FakeTime time = new FakeTime();

  static ClusterBinding cluster(String recipeYaml) {
    Recipe recipe = RecipeCatalog.parse("test.yaml", recipeYaml);
    return new ClusterBinding(
        "c1",
        recipe,
        List.of("h1", "h2", "h3"),
        Map.of("h1", "10.0.0.1", "h2", "10.0.0.2", "h3", "10.0.0.3"),
        Map.of("port", "5672"));
  }

  private static Check first(ClusterBinding cluster) {
    return cluster.recipe().okToStop().get(0);
  }

  @Test
  void selfRunsOnTheMemberOnlyWithItsValues() {
    ClusterBinding c = cluster("name: t\nok-to-stop:\n  - command: check {{host}} {{address}}\n");
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok(""));
    GateVerdict verdict = new RecipeChecks(probes, time, time).once(c, first(c), "h2");
    assertThat(verdict.passed()).isTrue();
    assertThat(probes.calls).containsExactly("h2: check h2 10.0.0.2");
  }

  @Test
  void anyPassesWithTheFirstMemberThatPasses() {
    ClusterBinding c = cluster("name: t\nok-to-stop:\n  - command: health\n    where: any\n");
    ScriptedProbes probes =
        new ScriptedProbes((h, l) -> h.equals("h1") ? exit(1, "down") : ok("fine"));
    GateVerdict verdict = new RecipeChecks(probes, time, time).once(c, first(c), null);
    assertThat(verdict.passed()).isTrue();
    assertThat(probes.calls).containsExactly("h1: health", "h2: health");
  }

  @Test
  void anyFailsWhenNoMemberPasses() {
    ClusterBinding c = cluster("name: t\nok-to-stop:\n  - command: health\n    where: any\n");
    ScriptedProbes probes = new ScriptedProbes((h, l) -> exit(2, "no quorum on " + h));
    GateVerdict verdict = new RecipeChecks(probes, time, time).once(c, first(c), null);
    assertThat(verdict)
        .isEqualTo(new GateVerdict.Fail("h1: health: exit 2 (expected 0): no quorum on h1"));
    assertThat(probes.calls).hasSize(3);
  }

  @Test
  void eachFailsNamingTheFirstMemberThatFailsWithTheTailOfItsOutput() {
    ClusterBinding c =
        cluster(
            "name: t\nok-to-stop:\n  - name: synced\n    command: status\n"
                + "    stdout-matches: ['^state\\tSynced$', '^size\\t{{member_count}}$']\n"
                + "    where: each\n");
    ScriptedProbes probes =
        new ScriptedProbes(
            (h, l) ->
                h.equals("h3")
                    ? ok("l0\nl1\nl2\nl3\nstate\tDonor\nsize\t3\n")
                    : ok("state\tSynced\nsize\t3\n"));
    GateVerdict verdict = new RecipeChecks(probes, time, time).once(c, first(c), null);
    assertThat(verdict)
        .isEqualTo(
            new GateVerdict.Fail(
                "h3: synced: output does not match ^state\\tSynced$: l1 | l2 | l3 | state\tDonor | size\t3"));
  }

  @Test
  void eachPassesWhenEveryMemberPasses() {
    ClusterBinding c =
        cluster(
            "name: t\nok-to-stop:\n  - command: status\n"
                + "    stdout-matches: '^size\\t{{member_count}}$'\n    where: each\n");
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok("x\nsize\t3\n"));
    assertThat(new RecipeChecks(probes, time, time).once(c, first(c), null).passed()).isTrue();
    assertThat(probes.calls).hasSize(3);
  }

  @Test
  void jsonExpectationsCompareTheValueAtEachPointer() {
    ClusterBinding c =
        cluster(
            "name: t\nok-to-stop:\n  - command: status\n"
                + "    json: {/0/health: 'true', /0/name: '{{host}}'}\n");
    ScriptedProbes probes =
        new ScriptedProbes((h, l) -> ok("[{\"health\": false, \"name\": \"h1\"}]"));
    GateVerdict verdict = new RecipeChecks(probes, time, time).once(c, first(c), "h1");
    assertThat(verdict)
        .isEqualTo(new GateVerdict.Fail("h1: status: /0/health is false, expected true"));
  }

  @Test
  void tcpAndHttpProbesGoFromHerdsMachineToTheRenderedAddress() {
    ClusterBinding c =
        cluster(
            "name: t\nok-to-stop:\n  - tcp: '{{address}}:{{vars.port}}'\n"
                + "  - http: 'http://{{address}}:15672/'\n    status: 200\n    body-matches: ok\n");
    ScriptedProbes probes =
        new ScriptedProbes(
            (h, l) -> l.startsWith("tcp") ? exit(1, "") : new ProbeAnswer.Ran(200, "all ok", ""));
    RecipeChecks checks = new RecipeChecks(probes, time, time);
    assertThat(checks.once(c, c.recipe().okToStop().get(0), "h1").passed()).isFalse();
    assertThat(checks.once(c, c.recipe().okToStop().get(1), "h1").passed()).isTrue();
    assertThat(probes.calls)
        .containsExactly("herd: tcp 10.0.0.1:5672", "herd: http http://10.0.0.1:15672/");
  }

  @Test
  void aCheckWhoseVariableTheClusterDoesNotSetIsNotRun() {
    ClusterBinding c =
        cluster(
            "name: t\nok-to-stop:\n  - tcp: '{{address}}:{{vars.nope}}'\n    when: vars.nope\n");
    ScriptedProbes probes = new ScriptedProbes((h, l) -> exit(1, ""));
    assertThat(new RecipeChecks(probes, time, time).once(c, first(c), "h1").passed()).isTrue();
    assertThat(probes.calls).isEmpty();
  }

  @Test
  void awaitPassesOnlyAfterPassingContinuouslyForStableFor() throws Exception {
    ClusterBinding c =
        cluster(
            "name: t\nok-to-stop:\n  - command: health\n"
                + "    interval: 2s\n    stable-for: 6s\n    deadline: 1m\n");
    // Passes from the start, but flaps once at 4 s: stability counts again from 6 s.
    ScriptedProbes probes =
        new ScriptedProbes(
            (h, l) -> time.elapsed().equals(Duration.ofSeconds(4)) ? exit(1, "flap") : ok(""));
    GateVerdict verdict = new RecipeChecks(probes, time, time).await(c, first(c), "h1");
    assertThat(verdict.passed()).isTrue();
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(12));
    assertThat(probes.calls).hasSize(7);
  }

  @Test
  void awaitGivesUpAtTheDeadlineWithTheLastReason() throws Exception {
    ClusterBinding c =
        cluster(
            "name: t\nok-to-stop:\n  - name: member up\n    command: health\n"
                + "    interval: 5s\n    deadline: 20s\n");
    ScriptedProbes probes = new ScriptedProbes((h, l) -> exit(1, "connection refused"));
    GateVerdict verdict = new RecipeChecks(probes, time, time).await(c, first(c), "h2");
    assertThat(verdict)
        .isEqualTo(
            new GateVerdict.Fail(
                "member up: not passed after 20 s: h2: member up: exit 1 (expected 0):"
                    + " connection refused"));
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(20));
    assertThat(probes.calls).hasSize(5);
  }

  @Test
  void anUnreachableMemberFailsTheCheck() {
    ClusterBinding c = cluster("name: t\nok-to-stop:\n  - command: health\n");
    ScriptedProbes probes = new ScriptedProbes((h, l) -> new ProbeAnswer.Unreachable("no route"));
    assertThat(new RecipeChecks(probes, time, time).once(c, first(c), "h1"))
        .isEqualTo(new GateVerdict.Fail("h1: health: unreachable: no route"));
  }

  @Test
  void aRecentPassOfAnAwaitedClusterCheckStandsForTheGateThenExpires() throws Exception {
    ClusterBinding c =
        cluster("name: t\nhealth:\n  cluster:\n    - command: health\n      where: any\n");
    Check check = c.recipe().clusterHealth().get(0);
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok("fine"));
    RecipeChecks checks = new RecipeChecks(probes, time, time);

    assertThat(checks.await(c, check, "h2").passed()).isTrue();
    assertThat(probes.calls).hasSize(1);
    assertThat(checks.recent(c, check, null, Duration.ofSeconds(1)).passed()).isTrue();
    assertThat(probes.calls).hasSize(1);
    time.sleep(Duration.ofMillis(1001));
    assertThat(checks.recent(c, check, null, Duration.ofSeconds(1)).passed()).isTrue();
    assertThat(probes.calls).hasSize(2);
  }

  @Test
  void aMembersOwnCheckNeverStandsForTheGate() throws Exception {
    ClusterBinding c = cluster("name: t\nhealth:\n  member:\n    - command: health\n");
    Check check = c.recipe().memberHealth().get(0);
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok("fine"));
    RecipeChecks checks = new RecipeChecks(probes, time, time);

    checks.await(c, check, "h2");
    checks.recent(c, check, null, Duration.ofSeconds(1));
    assertThat(probes.calls).containsExactly("h2: health", "h1: health");
  }
}
