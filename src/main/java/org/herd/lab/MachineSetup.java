package org.herd.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Installs the Debian packages the lab needs when their programs are missing, so that {@code sudo
 * herd demo} works on a machine that has only a JDK. It says what it installs, uses the machine's
 * own apt sources, and refreshes the package lists only when apt does not know a package (a fresh
 * image whose lists are empty). Needs root; without it, it does nothing and {@link
 * MachineCheck#require()} says why the lab cannot run.
 */
public final class MachineSetup {

  private final ProcessRunner runner;
  private final Progress progress;
  private final Predicate<String> onPath;

  /**
   * @param runner runs apt-get
   * @param progress told what is installed, before it is
   * @param onPath whether a program is installed (see {@link MachineCheck#onPath})
   */
  public MachineSetup(ProcessRunner runner, Progress progress, Predicate<String> onPath) {
    this.runner = runner;
    this.progress = progress;
    this.onPath = onPath;
  }

  /** Installs the packages of the lab's missing tools. */
  public void ensureLab() {
    ensure(MachineCheck.TOOLS);
  }

  /**
   * Installs the packages of the missing tools of {@code wanted}; nothing when none is missing or
   * herd is not root.
   *
   * @throws LabException when apt-get fails, with its last error lines
   */
  public void ensure(List<MachineCheck.Tool> wanted) {
    List<MachineCheck.Tool> missing = MachineCheck.missing(wanted, onPath);
    if (missing.isEmpty() || !MachineCheck.isRoot()) {
      return;
    }
    List<String> packages =
        List.copyOf(new LinkedHashSet<>(missing.stream().map(MachineCheck.Tool::pkg).toList()));
    progress.say(
        "lab: installing what the lab needs and this machine lacks: apt-get install "
            + String.join(" ", packages)
            + " (for "
            + String.join(", ", missing.stream().map(MachineCheck.Tool::program).toList())
            + ")");
    ProcessRunner.Result install = runner.run(installCommand(packages));
    if (!install.ok() && unknownPackage(install.stderr())) {
      progress.say("lab: apt-get update (apt does not know every package yet)");
      runner.check(List.of("apt-get", "-q", "update"));
      install = runner.run(installCommand(packages));
    }
    install.orThrow();
  }

  private static List<String> installCommand(List<String> packages) {
    List<String> command =
        new ArrayList<>(List.of("apt-get", "-q", "-y", "--no-install-recommends", "install"));
    command.addAll(packages);
    return command;
  }

  /** Whether apt-get's error output says it does not know a package (its lists are stale). */
  static boolean unknownPackage(String stderr) {
    return stderr.contains("Unable to locate package")
        || stderr.contains("has no installation candidate");
  }
}
