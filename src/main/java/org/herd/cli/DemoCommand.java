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
    out.println("Not yet: the lab (real Debian hosts in containers) and the upgrade engine do not");
    out.println("exist yet, so this demo cannot upgrade a cluster. What exists today:");
    out.println();
    return ExitCode.OK.code();
  }
}
