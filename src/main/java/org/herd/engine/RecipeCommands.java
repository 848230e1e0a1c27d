package org.herd.engine;

import java.time.Duration;
import java.util.List;
import org.herd.recipe.RecipeException;
import org.herd.recipe.Template;

/**
 * Runs a recipe's commands ({@code drain}, {@code undrain}, {@code finalize}) on one member, in
 * order, stopping at the first that fails; the failure is one line with the tail of its output. The
 * output names each command before what it printed ({@code $ COMMAND}), so the journal says what
 * ran even when a command prints nothing.
 */
final class RecipeCommands {

  static final Duration TIMEOUT = Duration.ofMinutes(10);

  private RecipeCommands() {}

  static StepResult run(
      HostProbes probes,
      ClusterBinding cluster,
      String member,
      List<Template> commands,
      String what) {
    if (commands.isEmpty()) {
      return new StepResult.Skipped("no " + what + " in recipe " + cluster.recipe().name());
    }
    StringBuilder output = new StringBuilder();
    for (Template command : commands) {
      String line;
      try {
        line = command.render(cluster.context(member), Template.Quoting.SHELL);
      } catch (RecipeException e) {
        return new StepResult.Failed(cluster.cluster() + " " + what + ": " + e.getMessage(), "");
      }
      output.append("$ ").append(line.strip()).append('\n');
      ProbeAnswer answer = probes.command(member, line, TIMEOUT);
      if (answer instanceof ProbeAnswer.Unreachable unreachable) {
        return new StepResult.Unreachable(unreachable.reason());
      }
      ProbeAnswer.Ran ran = (ProbeAnswer.Ran) answer;
      output.append(ran.stdout()).append(ran.stderr());
      if (ran.code() != 0) {
        return new StepResult.Failed(
            "recipe "
                + cluster.recipe().name()
                + " "
                + what
                + " exited with status "
                + ran.code()
                + RecipeChecks.tail(ran),
            output.toString());
      }
    }
    return new StepResult.Done(true, output.toString());
  }
}
