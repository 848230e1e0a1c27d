package org.herd.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.herd.debian.InvalidSyntaxException;
import org.herd.debian.PackageName;
import org.herd.plan.PlanOptions;
import org.herd.plan.RebootPolicy;
import picocli.CommandLine.Option;

/**
 * The options of the commands that make a plan ({@code herd plan}, {@code herd upgrade}): what to
 * plan, whether to refresh apt's lists first, and where to write the plan file.
 */
final class PlanFlags {

  @Option(names = "--security-only", description = "Plan only updates from a security archive.")
  boolean securityOnly;

  @Option(
      names = "--only",
      paramLabel = "PKG",
      split = ",",
      description = "Plan only these packages (repeatable, or comma-separated).")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "PKG",
      split = ",",
      description = "Never plan these packages (repeatable, or comma-separated).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--allow-removals",
      description = "Let a host's plan remove packages (without it, such a host is refused).")
  boolean allowRemovals;

  @Option(
      names = "--refresh",
      description = "Run 'apt-get update' on every host first (waits up to 60 s for a held lock).")
  boolean refresh;

  @Option(
      names = "--no-conffiles",
      description =
          "Do not compare conffiles (which needs the candidate .debs of packages with conffiles"
              + " on the hosts).")
  boolean noConffiles;

  @Option(
      names = {"-o", "--output"},
      converter = PathConverter.Name.class,
      paramLabel = "FILE",
      description = "Write the plan file (JSON) there.")
  String output;

  /** The planner's options, with {@code reboot} recorded; a bad package name is a usage error. */
  PlanOptions options(RebootPolicy reboot) {
    return new PlanOptions(
        securityOnly, names("--only", only), names("--exclude", exclude), allowRemovals, reboot);
  }

  /**
   * Refuses a plan file that could not be written, before any host is probed: a directory, or a
   * file in a directory that does not exist.
   */
  void checkOutput(CliContext context) {
    if (output == null) {
      return;
    }
    Path file = context.resolve(output);
    if (Files.isDirectory(file)) {
      throw new UserError("--output " + output + ": a directory, not a file");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError("--output " + output + ": no such directory " + parent);
    }
  }

  /** Writes the plan file when {@code -o} was given; says whether it did. */
  boolean writeFile(CliContext context, String planJson) throws java.io.IOException {
    if (output == null) {
      return false;
    }
    Files.writeString(context.resolve(output), planJson);
    return true;
  }

  private static List<PackageName> names(String option, List<String> texts) {
    List<PackageName> names = new ArrayList<>();
    for (String text : texts) {
      try {
        names.add(PackageName.parse(text.strip()));
      } catch (InvalidSyntaxException e) {
        throw new UserError(option + ": " + e.getMessage());
      }
    }
    return names;
  }
}
