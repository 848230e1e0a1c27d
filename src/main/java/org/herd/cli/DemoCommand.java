package org.herd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code herd demo}: herd's main job shown end to end. Until the lab and the engine exist it shows
 * what herd can already do, and says plainly what it cannot do yet.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Show what herd does, on what exists so far.")
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CliContext context = CliContext.of(spec);
    var out = context.out();
    out.println("herd demo");
    out.println();
    out.println(
        "Not yet: the upgrade engine (plan, apply, cluster-aware rollouts) does not exist,");
    out.println("so this demo cannot upgrade a cluster yet. What exists today, to try by hand:");
    out.println();
    out.println(
        "  sudo ./herd lab up --hosts 3          # 3 real Debian hosts booted with systemd");
    out.println(
        "  sudo ./herd lab cluster etcd          # a working 3-member etcd on the old version");
    out.println("  ./herd --inventory LAB/herd.yaml run -b -w @lab 'systemctl is-system-running'");
    out.println(
        "  ./herd --inventory LAB/herd.yaml status @lab   # pending, security, restarts, dpkg");
    out.println("  sudo ./herd lab down                  # removes everything the lab created");
    out.println();
    out.println("  ./herd nodeset -f 'n[1-3],n5,n4'      # ClusterShell-compatible node sets");
    out.println(
        "  ./herd inventory check                # validate herd.yaml / Ansible / clush groups");
    out.println();
    out.println("'herd lab up' prints where its herd.yaml (LAB above) is written.");
    return ExitCode.OK.code();
  }
}
