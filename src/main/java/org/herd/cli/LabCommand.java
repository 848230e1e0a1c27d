package org.herd.cli;

import java.util.concurrent.Callable;
import org.herd.lab.Lab;
import org.herd.lab.LabPaths;
import org.herd.lab.ProcessRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herd lab}: local fleets of real Debian hosts, for trying herd and for its tests. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description = {
      "Local fleets of real Debian hosts, for trying herd safely.",
      "Each host is a systemd-nspawn container booted with systemd; the lab has its own signed",
      "APT repository. Needs root. See docs/lab.md."
    },
    subcommands = {
      LabUpCommand.class,
      LabDownCommand.class,
      LabStatusCommand.class,
      LabPublishCommand.class,
      LabSuiteCommand.class,
      LabClusterCommand.class,
      LabResetCommand.class
    })
final class LabCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(CliContext.of(spec).out());
    return ExitCode.OK.code();
  }

  /** The lab for a subcommand, with its progress on stderr. */
  static Lab lab(CliContext context) {
    java.time.Instant start = context.clock().instant();
    return new Lab(
        LabPaths.fromEnv(context.env()),
        ProcessRunner.standard(),
        context.clock(),
        line -> {
          long millis = java.time.Duration.between(start, context.clock().instant()).toMillis();
          synchronized (context.err()) {
            context.err().printf("lab [%5.1fs] %s%n", millis / 1000.0, line);
            context.err().flush();
          }
        });
  }
}
