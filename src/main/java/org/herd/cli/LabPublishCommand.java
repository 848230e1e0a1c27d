package org.herd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.herd.lab.LabSpec;
import org.herd.lab.RepoEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herd lab publish}: adds packages to the lab repository. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Add .deb files to the lab repository (shown whatever the suite).",
      "Hosts see them after their next apt-get update."
    })
final class LabPublishCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Lab name (default: ${DEFAULT-VALUE}).")
  String name = LabSpec.DEFAULT_NAME;

  @Parameters(paramLabel = "FILE.deb", arity = "1..*", description = "Packages to publish.")
  List<String> files;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    List<Path> debs = new ArrayList<>();
    for (String file : files) {
      debs.add(context.resolve(file));
    }
    for (RepoEntry entry : LabCommand.lab(context).publish(name, debs)) {
      context.out().println("published " + entry.name() + " " + entry.version());
    }
    return ExitCode.OK.code();
  }
}
