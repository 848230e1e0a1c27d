package org.herd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.herd.lab.Lab;
import org.herd.lab.LabStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herd lab status}: what labs are up, and how their hosts are. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "List the labs on this machine: hosts, their systemd state, the repository.")
final class LabStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--name", paramLabel = "NAME", description = "Only this lab.")
  String name;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    Lab lab = LabCommand.lab(context);
    List<LabStatus> labs = new ArrayList<>();
    for (String each : name == null ? lab.names() : List.of(name)) {
      labs.add(lab.status(each));
    }
    var out = context.out();
    if (json) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(labs));
      return ExitCode.OK.code();
    }
    if (labs.isEmpty()) {
      out.println("no lab is up (start one with 'herd lab up')");
      return ExitCode.OK.code();
    }
    for (LabStatus status : labs) {
      out.printf(
          "lab %s: %s, %s, suite %s%s%n",
          status.name(),
          status.release(),
          status.subnet(),
          status.suite(),
          status.ready() ? "" : " (lab up did not finish: run 'herd lab down')");
      out.println(
          "  repository: " + (status.repository().isEmpty() ? "not served" : status.repository()));
      out.println("  directory:  " + status.directory());
      for (LabStatus.HostStatus host : status.hosts()) {
        String state = host.state();
        String painted =
            switch (state) {
              case "running" -> context.terminal().paint("32", state);
              case "degraded" -> context.terminal().paint("33", state);
              default -> context.terminal().paint("31", state);
            };
        out.printf(
            "  %-12s %-15s %s%s%n",
            host.name(),
            host.address(),
            painted,
            host.failedUnits().isEmpty()
                ? ""
                : " (failed: " + String.join(", ", host.failedUnits()) + ")");
      }
    }
    return ExitCode.OK.code();
  }
}
