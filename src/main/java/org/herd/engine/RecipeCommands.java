package org.herd.engine;

import java.time.Duration;
import java.util.List;
import org.herd.recipe.CheckScope;
import org.herd.recipe.RecipeCommand;
import org.herd.recipe.RecipeException;
import org.herd.recipe.Template;

/**
 * Runs a recipe's commands ({@code drain}, {@code undrain}, {@code finalize}) for one member, in
 * order, stopping at the first that fails: each on the member, or on every member of the cluster
 * one after the other ({@code where: each}), unless its {@code when} variable is unset; the failure
 * is one line with the tail of its output. The output names each command before what it printed
 * ({@code $ COMMAND}), so the journal says what ran even when a command prints nothing.
 */
final class RecipeCommands {

  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private RecipeCommands() {}

  static StepResult run(
      HostProbes probes,
      ClusterBinding cluster,
      String member,
      List<RecipeCommand> commands,
      String what) {
    StringBuilder output = new StringBuilder();
    for (RecipeCommand command : commands) {
      if (command.when().isPresent() && !cluster.context(member).has(command.when().get())) {
        continue;
      }
      List<String> targets =
          command.where() == CheckScope.EACH ? cluster.members() : List.of(member);
      for (String target : targets) {
        StepResult failed = runOne(probes, cluster, member, target, command, what, output);
        if (failed != null) {
          return failed;
        }
      }
    }
    if (output.length() == 0) {
      return new StepResult.Skipped("no " + what + " in recipe " + cluster.recipe().name());
    }
    return new StepResult.Done(true, output.toString());
  }

  /**
   * Runs one command on {@code target}; null when it succeeded, else how {@code member}'s step ends
   * (another member that cannot be reached fails the step: {@code member} itself is fine).
   */
  private static StepResult runOne(
      HostProbes probes,
      ClusterBinding cluster,
      String member,
      String target,
      RecipeCommand command,
      String what,
      StringBuilder output) {
    String line;
    try {
      line = command.command().render(cluster.context(target), Template.Quoting.SHELL);
    } catch (RecipeException e) {
      return new StepResult.Failed(cluster.cluster() + " " + what + ": " + e.getMessage(), "");
    }
    String prompt = command.where() == CheckScope.EACH ? target + " $ " : "$ ";
    output.append(prompt).append(line.strip()).append('\n');
    ProbeAnswer answer = probes.command(target, line, TIMEOUT);
    if (answer instanceof ProbeAnswer.Unreachable unreachable) {
      return target.equals(member)
          ? new StepResult.Unreachable(unreachable.reason())
          : new StepResult.Failed(
              target + ": unreachable: " + unreachable.reason(), output.toString());
    }
    ProbeAnswer.Ran ran = (ProbeAnswer.Ran) answer;
    output.append(ran.stdout()).append(ran.stderr());
    if (ran.code() != 0) {
      return new StepResult.Failed(
          (command.where() == CheckScope.EACH ? target + ": " : "")
              + "recipe "
              + cluster.recipe().name()
              + " "
              + what
              + " exited with status "
              + ran.code()
              + RecipeChecks.tail(ran),
          output.toString());
    }
    return null;
  }
}
