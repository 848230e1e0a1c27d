package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.engine.RecipeChecksTest.cluster;
import static org.herd.engine.ScriptedProbes.exit;
import static org.herd.engine.ScriptedProbes.ok;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A recipe as the scheduler sees it: order, gate, ok-to-stop, finalize. */
class RecipePolicyTest {

  private final FakeTime time = new FakeTime();
  private static final List<String> MEMBERS = List.of("h1", "h2", "h3");

  private RecipePolicy policy(String yaml, ScriptedProbes probes, boolean finalizeAsked) {
    return new RecipePolicy(
        Map.of("c1", cluster(yaml)), new RecipeChecks(probes, time, time), finalizeAsked);
  }

  @Test
  void theLeaderGoesLastRecognisedByNameOrAddress() {
    String yaml = "name: t\norder:\n  leader-last: who-leads\n";
    assertThat(
            policy(yaml, new ScriptedProbes((h, l) -> ok("10.0.0.1\n")), false)
                .order("c1", MEMBERS))
        .containsExactly("h2", "h3", "h1");
    assertThat(policy(yaml, new ScriptedProbes((h, l) -> ok("h2\n")), false).order("c1", MEMBERS))
        .containsExactly("h1", "h3", "h2");
  }

  @Test
  void theOrderCommandRunsOnTheFirstMemberThatAnswers() {
    ScriptedProbes probes =
        new ScriptedProbes((h, l) -> h.equals("h1") ? exit(1, "down") : ok("h3\n"));
    assertThat(policy("name: t\norder: {leader-last: who}\n", probes, false).order("c1", MEMBERS))
        .containsExactly("h1", "h2", "h3");
    assertThat(probes.calls).containsExactly("h1: who", "h2: who");
  }

  @Test
  void whenNoMemberCanTellTheInventoryOrderStays() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> exit(1, "no leader"));
    assertThat(policy("name: t\norder: {leader-last: who}\n", probes, false).order("c1", MEMBERS))
        .containsExactly("h1", "h2", "h3");
  }

  @Test
  void aListedOrderPutsTheListedMembersFirstAndKeepsTheRest() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok("h3\nstranger\n10.0.0.2\n"));
    assertThat(policy("name: t\norder: {command: list}\n", probes, false).order("c1", MEMBERS))
        .containsExactly("h3", "h2", "h1");
  }

  @Test
  void theGateIsEveryClusterCheckTriedOnce() {
    String yaml =
        "name: t\nhealth:\n  cluster:\n    - command: quorum\n    - command: synced\n"
            + "      where: each\n      deadline: 10m\n";
    ScriptedProbes probes =
        new ScriptedProbes(
            (h, l) -> l.equals("synced") && h.equals("h2") ? exit(1, "Donor") : ok(""));
    GateVerdict verdict = policy(yaml, probes, false).gate("c1");
    assertThat(verdict).isEqualTo(new GateVerdict.Fail("h2: synced: exit 1 (expected 0): Donor"));
    assertThat(time.elapsed()).isZero();
    // each: every member asked at once; the first in inventory order that fails is told
    assertThat(probes.calls.get(0)).isEqualTo("h1: quorum");
    assertThat(probes.calls)
        .containsExactlyInAnyOrder("h1: quorum", "h1: synced", "h2: synced", "h3: synced");
  }

  @Test
  void okToStopRunsOnTheMemberAboutToStop() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok(""));
    assertThat(
            policy("name: t\nok-to-stop:\n  - command: can-stop {{host}}\n", probes, false)
                .okToStop("c1", "h3"))
        .isEqualTo(GateVerdict.PASS);
    assertThat(probes.calls).containsExactly("h3: can-stop h3");
  }

  @Test
  void aClusterWithoutARecipeAlwaysPasses() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> exit(1, ""));
    RecipePolicy policy = policy("name: t\nok-to-stop: [{command: x}]\n", probes, false);
    assertThat(policy.gate("other")).isEqualTo(GateVerdict.PASS);
    assertThat(policy.okToStop("other", "x")).isEqualTo(GateVerdict.PASS);
    assertThat(policy.order("other", MEMBERS)).isEqualTo(MEMBERS);
  }

  @Test
  void finalizeRunsOnlyWhenAskedForOnceOnOneMember() {
    String yaml = "name: t\nfinalize:\n  - set-flag {{vars.port}}\n";
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok("flag set"));
    StepResult skipped = policy(yaml, probes, false).finalizeCluster("c1");
    assertThat(skipped).isInstanceOf(StepResult.Skipped.class);
    assertThat(skipped.output()).contains("--finalize");
    assertThat(probes.calls).isEmpty();
    StepResult done = policy(yaml, probes, true).finalizeCluster("c1");
    assertThat(done).isEqualTo(new StepResult.Done(true, "$ set-flag 5672\nflag set"));
    assertThat(probes.calls).containsExactly("h1: set-flag 5672");
  }

  @Test
  void aFailedFinalizeSaysWhichRecipeAndTheTailOfItsOutput() {
    ScriptedProbes probes =
        new ScriptedProbes((h, l) -> exit(3, "a\nb\nc\nd\ne\nfeature not supported"));
    StepResult result = policy("name: t\nfinalize: [enable]\n", probes, true).finalizeCluster("c1");
    assertThat(result.reason())
        .isEqualTo("recipe t finalize exited with status 3: b | c | d | e | feature not supported");
  }
}
