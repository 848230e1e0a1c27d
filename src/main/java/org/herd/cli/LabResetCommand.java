package org.herd.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.herd.lab.LabSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herd lab reset}: puts hosts back as lab up made them. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description =
        "Reset hosts to their state right after 'lab up' (reboots them on a fresh overlay).")
final class LabResetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Lab name (default: ${DEFAULT-VALUE}).")
  String name = LabSpec.DEFAULT_NAME;

  @Parameters(paramLabel = "HOST", arity = "1..*", description = "Hosts to reset, as in lab-2.")
  List<String> hosts;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    LabCommand.lab(context).reset(name, hosts);
    context.out().println("reset " + String.join(", ", hosts));
    return ExitCode.OK.code();
  }
}
