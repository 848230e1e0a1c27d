package org.herd.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.herd.lab.Lab;
import org.herd.lab.LabSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herd lab down}: removes a lab, leaving nothing behind. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = {
      "Stop a lab and remove everything it created; the base image cache is kept.",
      "That is its containers, repository server, mounts, network namespaces, interfaces and",
      "directory. Safe to repeat, and works after a 'lab up' that died half-way."
    })
final class LabDownCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Lab name (default: ${DEFAULT-VALUE}).")
  String name = LabSpec.DEFAULT_NAME;

  @Option(names = "--all", description = "Remove every lab on this machine.")
  boolean all;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    Lab lab = LabCommand.lab(context);
    List<String> names = all ? lab.names() : List.of(LabSpec.checkName(name));
    List<String> left = new ArrayList<>();
    for (String each : names) {
      left.addAll(lab.down(each));
      if (left.isEmpty()) {
        context.out().println("lab " + each + " is down");
      }
    }
    for (String what : left) {
      context.err().println("herd: lab down: " + what);
    }
    return left.isEmpty() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
  }
}
