package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.engine.RecipeChecksTest.cluster;
import static org.herd.engine.ScriptedProbes.exit;
import static org.herd.engine.ScriptedProbes.ok;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recipe's drain, health and undrain around the plain steps. */
class RecipeStepActionsTest {

  private final FakeTime time = new FakeTime();
  private final ScriptedActions inner = new ScriptedActions();

  private static final String RECIPE =
      "name: t\n"
          + "drain: [\"leave {{host}}\"]\n"
          + "undrain: [\"rejoin {{host}}\"]\n"
          + "health:\n"
          + "  member:\n    - command: member-ok\n      interval: 1s\n      deadline: 30s\n"
          + "  cluster:\n    - command: cluster-ok\n      where: each\n      interval: 1s\n"
          + "      stable-for: 3s\n      deadline: 30s\n";

  private RecipeStepActions actions(ScriptedProbes probes) {
    ClusterBinding binding = cluster(RECIPE);
    return new RecipeStepActions(
        inner, ClusterBindings.byHost(Map.of("c1", binding)), new RecipeChecks(probes, time, time));
  }

  @Test
  void drainRunsTheRecipesDrainThenTheHostsOwn() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok("left\n"));
    StepResult result = actions(probes).run("h2", UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
    assertThat(result.succeeded()).isTrue();
    assertThat(probes.calls).containsExactly("h2: leave h2");
    assertThat(inner.calls())
        .extracting(ScriptedActions.Call::step)
        .containsExactly(UpgradeStep.DRAIN);
  }

  @Test
  void aDrainThatPrintsNothingIsStillJournaledAsDoneNamingTheCommand() {
    // The host has no drain hook of its own (the inner step skips); the recipe's drain ran.
    inner.result("h2", UpgradeStep.DRAIN, new StepResult.Skipped("no drain hook"));
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok(""));
    StepResult result = actions(probes).run("h2", UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
    assertThat(result).isEqualTo(new StepResult.Done(true, "$ leave h2\n"));
  }

  @Test
  void aFailedDrainStopsBeforeTheHostsOwnDrain() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> exit(1, "cannot leave"));
    StepResult result = actions(probes).run("h2", UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
    assertThat(result.reason()).isEqualTo("recipe t drain exited with status 1: cannot leave");
    assertThat(inner.calls()).isEmpty();
  }

  @Test
  void healthWaitsForTheMemberThenTheClusterToBeStable() {
    // The member comes up at 5 s; the cluster checks pass from then on.
    ScriptedProbes probes =
        new ScriptedProbes(
            (h, l) ->
                time.elapsed().compareTo(Duration.ofSeconds(5)) >= 0
                    ? ok("")
                    : exit(1, "starting"));
    StepResult result = actions(probes).run("h2", UpgradeStep.HEALTH, StepActions.Attempt.FRESH, 1);
    assertThat(result.succeeded()).isTrue();
    assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(8));
    assertThat(probes.calls).contains("h2: member-ok", "h1: cluster-ok", "h3: cluster-ok");
    assertThat(inner.calls())
        .extracting(ScriptedActions.Call::step)
        .containsExactly(UpgradeStep.HEALTH);
  }

  @Test
  void healthTimesOutWithTheFailingMemberAndCheck() {
    ScriptedProbes probes =
        new ScriptedProbes(
            (h, l) -> l.equals("cluster-ok") && h.equals("h3") ? exit(1, "Donor") : ok(""));
    StepResult result = actions(probes).run("h2", UpgradeStep.HEALTH, StepActions.Attempt.FRESH, 1);
    assertThat(result).isInstanceOf(StepResult.TimedOut.class);
    assertThat(result.reason())
        .isEqualTo(
            "c1: cluster-ok: not passed after 30 s: h3: cluster-ok: exit 1 (expected 0): Donor");
  }

  @Test
  void undrainRunsTheHostsOwnThenTheRecipes() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok(""));
    StepResult result =
        actions(probes).run("h1", UpgradeStep.UNDRAIN, StepActions.Attempt.FRESH, 1);
    assertThat(result.succeeded()).isTrue();
    assertThat(probes.calls).containsExactly("h1: rejoin h1");
  }

  private static final String EACH_RECIPE =
      "name: t\n"
          + "drain:\n"
          + "  - command: tune {{vars.port}} on {{host}}\n"
          + "    where: each\n"
          + "    when: vars.port\n"
          + "  - command: never {{vars.absent}}\n"
          + "    where: each\n"
          + "    when: vars.absent\n"
          + "  - leave {{host}}\n";

  private RecipeStepActions eachActions(ScriptedProbes probes) {
    return new RecipeStepActions(
        inner,
        ClusterBindings.byHost(Map.of("c1", cluster(EACH_RECIPE))),
        new RecipeChecks(probes, time, time));
  }

  @Test
  void aCommandWhereEachRunsOnEveryMemberInOrderOnlyWhenItsVariableIsSet() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok(""));
    StepResult result =
        eachActions(probes).run("h2", UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
    assertThat(probes.calls)
        .containsExactly(
            "h1: tune 5672 on h1", "h2: tune 5672 on h2", "h3: tune 5672 on h3", "h2: leave h2");
    assertThat(result.output())
        .startsWith("h1 $ tune 5672 on h1\nh2 $ tune 5672 on h2\nh3 $ tune 5672 on h3\n$ leave h2");
  }

  @Test
  void anotherMemberFailingACommandWhereEachFailsTheStepNamingThatMember() {
    ScriptedProbes probes =
        new ScriptedProbes((h, l) -> h.equals("h3") ? exit(1, "no such option") : ok(""));
    StepResult result =
        eachActions(probes).run("h2", UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
    assertThat(result).isInstanceOf(StepResult.Failed.class);
    assertThat(result.reason())
        .isEqualTo("h3: recipe t drain exited with status 1: no such option");
    assertThat(probes.calls).doesNotContain("h2: leave h2");
    assertThat(inner.calls()).isEmpty();
  }

  @Test
  void otherStepsAndHostsOutsideClustersAreTheInnerSteps() {
    ScriptedProbes probes = new ScriptedProbes((h, l) -> ok(""));
    RecipeStepActions actions = actions(probes);
    actions.run("h1", UpgradeStep.INSTALL, StepActions.Attempt.FRESH, 1);
    actions.run("web1", UpgradeStep.DRAIN, StepActions.Attempt.FRESH, 1);
    actions.run("web1", UpgradeStep.HEALTH, StepActions.Attempt.FRESH, 1);
    assertThat(probes.calls).isEmpty();
    assertThat(inner.calls()).hasSize(3);
    assertThat(List.of(UpgradeStep.INSTALL)).isNotEmpty();
  }
}
