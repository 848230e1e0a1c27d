package org.herd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herd.recipe.Check;
import org.herd.recipe.MemberOrder;
import org.herd.recipe.Template;

/**
 * The {@link ClusterPolicy} of clusters that have a recipe: the recipe's member order (a command
 * may print the members, or the leader, who then goes last), its cluster health checks as the gate
 * (each tried once: the gate is asked "right now", a pass by a member's health step less than
 * {@link #GATE_FRESH} ago standing for it), its {@code ok-to-stop} checks, and its finalize
 * commands, run only when the operator asked for them ({@code --finalize}). Clusters without a
 * binding get {@link ClusterPolicy#NONE}'s answers.
 */
public final class RecipePolicy implements ClusterPolicy {

  /** How long one order or finalize command may take. */
  static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

  /**
   * How recent a pass of the cluster's health checks (by a member's health step) answers the gate
   * without asking again: about as stale as a careful operator's own last look when they start the
   * next member.
   */
  static final Duration GATE_FRESH = Duration.ofSeconds(1);

  private final Map<String, ClusterBinding> clusters;
  private final RecipeChecks checks;
  private final boolean finalizeAsked;

  /**
   * @param clusters the run's clusters with a recipe, by name
   * @param checks how checks and commands run
   * @param finalizeAsked whether the operator asked for the one-way finalize steps
   */
  public RecipePolicy(
      Map<String, ClusterBinding> clusters, RecipeChecks checks, boolean finalizeAsked) {
    this.clusters = Map.copyOf(clusters);
    this.checks = checks;
    this.finalizeAsked = finalizeAsked;
  }

  @Override
  public List<String> order(String cluster, List<String> members) {
    ClusterBinding binding = clusters.get(cluster);
    if (binding == null || binding.recipe().order() instanceof MemberOrder.Inventory) {
      return members;
    }
    Optional<String> printed = firstAnswer(binding, orderCommand(binding.recipe().order()));
    if (printed.isEmpty()) {
      return members;
    }
    List<String> named =
        printed
            .get()
            .lines()
            .map(binding::memberNamed)
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    List<String> ordered = new ArrayList<>();
    if (binding.recipe().order() instanceof MemberOrder.LeaderLast) {
      Optional<String> leader = named.stream().filter(members::contains).findFirst();
      members.stream()
          .filter(m -> leader.isEmpty() || !m.equals(leader.get()))
          .forEach(ordered::add);
      leader.ifPresent(ordered::add);
      return ordered;
    }
    named.stream().filter(members::contains).forEach(ordered::add);
    members.stream().filter(m -> !ordered.contains(m)).forEach(ordered::add);
    return ordered;
  }

  @Override
  public GateVerdict gate(String cluster) {
    ClusterBinding binding = clusters.get(cluster);
    if (binding == null) {
      return GateVerdict.PASS;
    }
    for (Check check : binding.recipe().clusterHealth()) {
      GateVerdict verdict = checks.recent(binding, check, null, GATE_FRESH);
      if (!verdict.passed()) {
        return verdict;
      }
    }
    return GateVerdict.PASS;
  }

  @Override
  public GateVerdict okToStop(String cluster, String member) {
    ClusterBinding binding = clusters.get(cluster);
    if (binding == null) {
      return GateVerdict.PASS;
    }
    return allPass(binding, binding.recipe().okToStop(), member);
  }

  @Override
  public StepResult finalizeCluster(String cluster) {
    ClusterBinding binding = clusters.get(cluster);
    if (binding == null || binding.recipe().finalizeSteps().isEmpty()) {
      return new StepResult.Skipped("nothing to finalize");
    }
    if (!finalizeAsked) {
      return new StepResult.Skipped(
          cluster + ": finalize steps not run (one-way; run with --finalize to run them)");
    }
    String member = binding.members().get(0);
    return RecipeCommands.run(
        checks.probes(), binding, member, binding.recipe().finalizeSteps(), "finalize");
  }

  private GateVerdict allPass(ClusterBinding binding, List<Check> list, String member) {
    for (Check check : list) {
      GateVerdict verdict = checks.once(binding, check, member);
      if (!verdict.passed()) {
        return verdict;
      }
    }
    return GateVerdict.PASS;
  }

  /** What the first member that answers (exit 0) prints for {@code command}. */
  private Optional<String> firstAnswer(ClusterBinding binding, Template command) {
    for (String member : binding.members()) {
      String line;
      try {
        line = command.render(binding.context(member), Template.Quoting.SHELL);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      ProbeAnswer answer = checks.probes().command(member, line, COMMAND_TIMEOUT);
      if (answer instanceof ProbeAnswer.Ran ran && ran.code() == 0) {
        return Optional.of(ran.stdout());
      }
    }
    return Optional.empty();
  }

  private static Template orderCommand(MemberOrder order) {
    if (order instanceof MemberOrder.LeaderLast leaderLast) {
      return leaderLast.command();
    }
    return ((MemberOrder.Listed) order).command();
  }
}
