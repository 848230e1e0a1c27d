package org.herd.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.lab.ClusterKind;
import org.herd.lab.ClusterReport;
import org.herd.lab.LabSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herd lab cluster}: forms a real cluster of a service on lab hosts. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = {
      "Form a working cluster of a service's old version on lab hosts.",
      "The service is installed, the cluster formed and its health checked with its own tool.",
      "KIND: etcd, galera, rabbitmq or redis-sentinel."
    })
final class LabClusterCommand implements Callable<Integer> {

  private static final Pattern RANGE = Pattern.compile("(.*)\\[(\\d+)-(\\d+)\\]");

  @Spec CommandSpec spec;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Lab name (default: ${DEFAULT-VALUE}).")
  String name = LabSpec.DEFAULT_NAME;

  @Option(
      names = "--hosts",
      paramLabel = "HOSTS",
      description = "Members, as in lab-[1-3] or lab-1,lab-4,lab-5 (default: the first three).")
  String hosts;

  @Parameters(paramLabel = "KIND", description = "etcd, galera, rabbitmq or redis-sentinel.")
  String kind;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    ClusterKind clusterKind = ClusterKind.of(kind);
    ClusterReport report = LabCommand.lab(context).cluster(name, clusterKind, members(hosts));
    var out = context.out();
    out.println(
        clusterKind.label()
            + " cluster on "
            + String.join(", ", report.members())
            + " is healthy:");
    report.health().lines().forEach(line -> out.println("  " + line));
    return ExitCode.OK.code();
  }

  /** The member names in {@code hosts}: a comma list whose items may be {@code prefix[a-b]}. */
  static List<String> members(String hosts) {
    List<String> names = new ArrayList<>();
    if (hosts == null || hosts.isBlank()) {
      return names;
    }
    for (String item : hosts.split(",")) {
      Matcher range = RANGE.matcher(item.strip());
      if (range.matches()) {
        int from = Integer.parseInt(range.group(2));
        int to = Integer.parseInt(range.group(3));
        if (from > to) {
          throw new UserError("--hosts " + hosts + ": range " + from + "-" + to + " is backwards");
        }
        for (int i = from; i <= to; i++) {
          names.add(range.group(1) + i);
        }
      } else if (!item.isBlank()) {
        names.add(item.strip());
      }
    }
    return names;
  }
}
