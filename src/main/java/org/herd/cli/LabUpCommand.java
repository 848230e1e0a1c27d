package org.herd.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.herd.lab.LabFiles;
import org.herd.lab.LabSpec;
import org.herd.lab.LabState;
import org.herd.lab.Release;
import org.herd.lab.Subnet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code herd lab up}: builds (once) and boots a lab. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Start a lab: N Debian hosts booted with systemd, on their own bridge and /24.",
      "Each has sshd, the lab's key pair and the lab APT repository as its only package source.",
      "The first run builds the base image with debootstrap (a few minutes); later runs reuse it."
    })
final class LabUpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--hosts",
      paramLabel = "N",
      description = "Number of hosts (default: ${DEFAULT-VALUE}).")
  int hosts = 3;

  @Option(
      names = "--release",
      paramLabel = "RELEASE",
      description = "bookworm or trixie (default: ${DEFAULT-VALUE}).")
  String release = "bookworm";

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Lab name, also the host name prefix (default: ${DEFAULT-VALUE}).")
  String name = LabSpec.DEFAULT_NAME;

  @Option(
      names = "--subnet",
      paramLabel = "CIDR",
      description = "The lab's /24 (default: 10.213.0.0/24, or the next free 10.213.N.0/24).")
  String subnet;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    LabSpec labSpec = new LabSpec(name, hosts, Release.of(release));
    Optional<Subnet> net = Optional.ofNullable(subnet).map(Subnet::parse);
    Instant start = context.clock().instant();
    LabState state = LabCommand.lab(context).up(labSpec, net);
    Duration took = Duration.between(start, context.clock().instant());
    Path dir = Path.of("/var/lib/herd/lab", state.name());
    var out = context.out();
    out.printf(
        "lab %s is up: %s on %s (%s), in %d s%n",
        state.name(),
        LabFiles.nodeSet(state.name(), state.hosts()),
        state.subnet(),
        state.release().codename(),
        took.toSeconds());
    out.println();
    out.println("  ./herd --inventory " + dir.resolve("herd.yaml") + " run -w @lab hostname");
    out.println("  ssh -F " + dir.resolve("ssh_config") + " " + labSpec.hostName(1));
    out.println();
    out.println("  herd lab suite new        make the new versions available to the hosts");
    out.println("  herd lab cluster etcd     form a 3-member etcd cluster");
    out.println(
        "  herd lab down"
            + (name.equals(LabSpec.DEFAULT_NAME) ? "" : " --name " + name)
            + "            remove everything");
    return ExitCode.OK.code();
  }
}
