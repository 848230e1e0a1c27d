package org.herd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code herd demo}: herd's main job shown end to end. Until cluster-aware rollouts exist it shows
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
        "Not yet: cluster-aware rollouts (recipes, disruption budgets, health gates, waves),");
    out.println(
        "so this demo does not run by itself yet. What exists today, to try by hand on the lab:");
    out.println();
    out.println(
        "  sudo ./herd lab up --hosts 3          # 3 real Debian hosts booted with systemd");
    out.println(
        "  sudo ./herd lab cluster etcd          # a working 3-member etcd on the old version");
    out.println("  ./herd --inventory LAB/herd.yaml run -b -w @lab 'systemctl is-system-running'");
    out.println(
        "  sudo ./herd lab suite new             # make the lab's new package versions visible");
    out.println(
        "  ./herd --inventory LAB/herd.yaml status --refresh @lab   # pending, security, restarts");
    out.println("  ./herd --inventory LAB/herd.yaml changes @lab          # changelogs and CVEs");
    out.println(
        "  ./herd --inventory LAB/herd.yaml plan @lab -o plan.json  # exactly what each host gets");
    out.println(
        "  ./herd --inventory LAB/herd.yaml apply plan.json         # guarded, detached, journaled");
    out.println("  ./herd runs; ./herd show RUN          # the run, per host and step");
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
