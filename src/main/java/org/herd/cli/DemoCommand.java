package org.herd.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.herd.lab.ClusterKind;
import org.herd.lab.Lab;
import org.herd.lab.LabSpec;
import org.herd.lab.MachineCheck;
import org.herd.lab.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herd demo}: herd's main job shown end to end on a lab. It brings up a lab, forms a real
 * cluster on the old version, starts a client writing to it every 100 ms, switches the lab to the
 * new versions, runs {@code herd upgrade} on the cluster in-process, and prints what the client saw
 * beside the versions before and after (see {@link DemoScenario}). The lab is torn down at the end,
 * on failure and on Ctrl-C too, unless {@code --keep}.
 *
 * <p>{@code --by operator} upgrades the way a careful operator does by hand (one member at a time,
 * {@code apt-get dist-upgrade}, health between members), {@code --by clush} the seed's way ({@code
 * clush … apt-get dist-upgrade} on every member at once), with the same client, for the comparison
 * in docs/benchmarks.md.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Show herd's main job on a lab: a real cluster upgraded one member at a time.",
      "A client writes to it every 100 ms meanwhile, giving each member 1 s per try. Needs",
      "root and the lab's tools (docs/lab.md)."
    },
    footer = {
      "",
      "Exit status: 0 the upgrade finished with the cluster healthy and every member at the new",
      "version; 1 it did not (the output says what); 3 root or a lab tool is missing;",
      "130 interrupted."
    })
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--cluster",
      paramLabel = "KIND",
      description = "galera or etcd (default: ${DEFAULT-VALUE}).")
  String cluster = "galera";

  @Option(
      names = "--hosts",
      paramLabel = "N",
      description = "Lab hosts, all members of the cluster (default: ${DEFAULT-VALUE}).")
  int hosts = 3;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Lab name, also the host name prefix (default: ${DEFAULT-VALUE}).")
  String name = "demo";

  @Option(
      names = "--keep",
      description = "Keep the lab at the end (remove it with 'herd lab down').")
  boolean keep;

  @Option(
      names = "--release",
      paramLabel = "RELEASE",
      description =
          "Debian release of the lab hosts: bookworm or trixie (default: ${DEFAULT-VALUE}).")
  String release = "bookworm";

  @Option(
      names = "--by",
      paramLabel = "WAY",
      description = {
        "Who upgrades: herd (default), operator (a careful operator by hand, scripted: one",
        "member at a time, apt-get dist-upgrade, member and cluster healthy before the next) or",
        "clush (the seed's clush … apt-get dist-upgrade on every member at once), for comparison."
      })
  String by = "herd";

  @Option(
      names = "--cluster-var",
      paramLabel = "NAME=VALUE",
      description = {
        "A variable of the cluster in the inventory herd upgrades with (repeatable), such as a",
        "recipe's opt-in: --cluster-var rejoin_provider_options='evs.keepalive_period=PT0.2S'.",
        "The operator and clush do not read it."
      })
  Map<String, String> clusterVars = new java.util.LinkedHashMap<>();

  /**
   * What was asked, every option checked: called first, so that a mistake is refused before the
   * demo installs, starts or touches anything (and the fuzz suite can tell which command lines are
   * refused without running the demo).
   *
   * @throws UserError or a bad-input {@link org.herd.lab.LabException} naming the mistake
   */
  DemoSpec spec() {
    ClusterKind kind = ClusterKind.of(cluster);
    if (kind != ClusterKind.GALERA && kind != ClusterKind.ETCD) {
      throw new UserError("--cluster " + cluster + ": the demo knows galera and etcd");
    }
    if (hosts < 3) {
      throw new UserError("--hosts " + hosts + ": a cluster that survives one member out needs 3");
    }
    clusterVars
        .keySet()
        .forEach(
            key -> {
              if (!key.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new UserError("--cluster-var " + key + ": a variable name, as in port");
              }
            });
    DemoWay way = way(by);
    Release labRelease = Release.of(release);
    // The lab's own checks (name, at most Subnet.MAX_HOSTS hosts), before it is brought up.
    new LabSpec(name, hosts, labRelease);
    return new DemoSpec(name, kind, hosts, labRelease, way, clusterVars);
  }

  @Override
  public Integer call() throws Exception {
    CliContext context = CliContext.of(spec);
    DemoSpec demo = spec();
    DemoWay way = demo.way();
    Lab lab = LabCommand.lab(context);
    lab.machineSetup().ensureLab();
    if (way == DemoWay.CLUSH) {
      lab.machineSetup().ensure(List.of(new MachineCheck.Tool("clush", "clustershell")));
    }
    var whyNot = MachineCheck.whyNot();
    if (whyNot.isPresent()) {
      context.err().println("herd: demo: " + whyNot.get() + "; see docs/lab.md");
      return ExitCode.UNAVAILABLE.code();
    }
    if (way == DemoWay.CLUSH && !MachineCheck.onPath("clush")) {
      context.err().println("herd: demo: --by clush needs clush (apt-get install clustershell)");
      return ExitCode.UNAVAILABLE.code();
    }
    AtomicBoolean down = new AtomicBoolean(keep);
    Runnable teardown =
        () -> {
          if (down.compareAndSet(false, true)) {
            context.err().println("demo: removing the lab (--keep keeps it)");
            context.err().flush();
            lab.down(name).forEach(left -> context.err().println("herd: lab down: " + left));
          }
        };
    try (InterruptHook hook = InterruptHook.install(java.time.Duration.ofMinutes(1))) {
      hook.onInterrupt(teardown);
      DemoScenario scenario = new DemoScenario(context, lab, demo);
      try {
        return scenario.run().code();
      } finally {
        teardown.run();
        if (keep) {
          context.out().println();
          context.out().println("The lab is kept: herd lab down --name " + name + " removes it.");
        }
        context.out().flush();
        context.err().flush();
      }
    }
  }

  private static DemoWay way(String label) {
    for (DemoWay way : DemoWay.values()) {
      if (way.label().equals(label)) {
        return way;
      }
    }
    throw new UserError("--by " + label + ": expected herd, operator or clush");
  }
}
