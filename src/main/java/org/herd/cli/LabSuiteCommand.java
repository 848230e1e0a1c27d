package org.herd.cli;

import java.util.concurrent.Callable;
import org.herd.lab.LabSpec;
import org.herd.lab.Suite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herd lab suite}: switches what the lab repository shows. */
@Command(
    name = "suite",
    mixinStandardHelpOptions = true,
    description = {
      "Switch what the lab repository shows its hosts: old or new versions.",
      "  old  the original versions only (what hosts start from)",
      "  new  the original and the new versions (+lab1, fixed fixtures, the security update)",
      "Hosts see the change after their next apt-get update."
    })
final class LabSuiteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Lab name (default: ${DEFAULT-VALUE}).")
  String name = LabSpec.DEFAULT_NAME;

  @Parameters(paramLabel = "old|new", description = "What to show.")
  Suite suite;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    LabCommand.lab(context).suite(name, suite);
    context
        .out()
        .println(
            "lab "
                + name
                + " shows suite "
                + suite.label()
                + " (hosts see it after apt-get update)");
    return ExitCode.OK.code();
  }
}
