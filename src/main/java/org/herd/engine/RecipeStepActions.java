package org.herd.engine;

import java.util.List;
import java.util.Map;
import org.herd.recipe.Check;

/**
 * The steps of hosts in clusters with a recipe: wraps the plain steps ({@link AptStepActions}) and
 * adds what each of the host's cluster recipes says.
 *
 * <ul>
 *   <li>drain: the recipes' {@code drain} commands (etcd hands leadership away), then the inner
 *       drain (the host's own hooks);
 *   <li>health: the inner health (units active), then each recipe's member checks on the host and
 *       its cluster checks, each waited for with its interval, stable-for and deadline;
 *   <li>undrain: the inner undrain, then the recipes' {@code undrain} commands.
 * </ul>
 *
 * Other steps, and hosts in no cluster with a recipe, are the inner steps unchanged.
 */
public final class RecipeStepActions implements StepActions {

  private final StepActions inner;
  private final Map<String, List<ClusterBinding>> clustersOfHost;
  private final RecipeChecks checks;

  /**
   * @param inner the plain steps
   * @param clustersOfHost each host's clusters with a recipe (hosts in none may be absent)
   * @param checks how checks and commands run
   */
  public RecipeStepActions(
      StepActions inner, Map<String, List<ClusterBinding>> clustersOfHost, RecipeChecks checks) {
    this.inner = inner;
    this.clustersOfHost = Map.copyOf(clustersOfHost);
    this.checks = checks;
  }

  @Override
  public StepResult run(String host, UpgradeStep step, Attempt attempt, int number) {
    List<ClusterBinding> clusters = clustersOfHost.getOrDefault(host, List.of());
    if (clusters.isEmpty()) {
      return inner.run(host, step, attempt, number);
    }
    return switch (step) {
      case DRAIN -> drain(host, clusters, attempt, number);
      case HEALTH -> health(host, clusters, attempt, number);
      case UNDRAIN -> undrain(host, clusters, attempt, number);
      default -> inner.run(host, step, attempt, number);
    };
  }

  @Override
  public void guardInPlace(String host) {
    inner.guardInPlace(host);
  }

  private StepResult drain(String host, List<ClusterBinding> clusters, Attempt attempt, int n) {
    StringBuilder output = new StringBuilder();
    for (ClusterBinding cluster : clusters) {
      StepResult result =
          RecipeCommands.run(checks.probes(), cluster, host, cluster.recipe().drain(), "drain");
      if (!result.succeeded()) {
        return result;
      }
      if (result instanceof StepResult.Done) {
        output.append(result.output());
      }
    }
    return combine(output, inner.run(host, UpgradeStep.DRAIN, attempt, n));
  }

  private StepResult undrain(String host, List<ClusterBinding> clusters, Attempt attempt, int n) {
    StepResult own = inner.run(host, UpgradeStep.UNDRAIN, attempt, n);
    if (!own.succeeded()) {
      return own;
    }
    StringBuilder output = new StringBuilder(own.output());
    for (ClusterBinding cluster : clusters) {
      StepResult result =
          RecipeCommands.run(checks.probes(), cluster, host, cluster.recipe().undrain(), "undrain");
      if (!result.succeeded()) {
        return result;
      }
      output.append(result.output());
    }
    return new StepResult.Done(own instanceof StepResult.Done d && d.changed(), output.toString());
  }

  private StepResult health(String host, List<ClusterBinding> clusters, Attempt attempt, int n) {
    StepResult own = inner.run(host, UpgradeStep.HEALTH, attempt, n);
    if (!own.succeeded()) {
      return own;
    }
    StringBuilder passed = new StringBuilder(own.output());
    try {
      for (ClusterBinding cluster : clusters) {
        for (Check check : cluster.recipe().memberHealth()) {
          StepResult result = waitFor(cluster, check, host, passed);
          if (result != null) {
            return result;
          }
        }
        for (Check check : cluster.recipe().clusterHealth()) {
          StepResult result = waitFor(cluster, check, host, passed);
          if (result != null) {
            return result;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult.Failed("interrupted", passed.toString());
    }
    return new StepResult.Done(false, passed.toString());
  }

  /** Waits for one check; null when it passed, else how the step ends. */
  private StepResult waitFor(ClusterBinding cluster, Check check, String host, StringBuilder passed)
      throws InterruptedException {
    GateVerdict verdict = checks.await(cluster, check, host);
    if (verdict instanceof GateVerdict.Fail fail) {
      return new StepResult.TimedOut(cluster.cluster() + ": " + fail.reason(), passed.toString());
    }
    passed
        .append(passed.length() == 0 ? "" : "\n")
        .append(cluster.cluster())
        .append(": ")
        .append(check.name())
        .append(": passed");
    return null;
  }

  /**
   * The drain's result: the host's own drain hook's when no recipe command ran, else done (a recipe
   * command ran, whether it printed anything or not) with what each printed.
   */
  private static StepResult combine(StringBuilder recipeOutput, StepResult innerResult) {
    if (!innerResult.succeeded() || recipeOutput.length() == 0) {
      return innerResult;
    }
    String own = innerResult instanceof StepResult.Done ? innerResult.output() : "";
    return new StepResult.Done(true, recipeOutput + own);
  }
}
