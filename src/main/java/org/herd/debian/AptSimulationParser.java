package org.herd.debian;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code apt-get -s} (run with {@code LC_ALL=C}): the {@code Inst}, {@code
 * Conf}, {@code Remv} and {@code Purg} lines, the kept-back list, the summary line and apt's {@code
 * E:}/{@code W:}/{@code N:} messages. Everything else apt prints (progress lines, the other "The
 * following packages ..." lists, which repeat the action lines) is recognised and skipped; a line
 * that is none of these becomes a warning. Never throws.
 *
 * <p>Action line grammar (apt's {@code pkgSimulate}):
 *
 * <pre>
 * Inst NAME [INSTALLED] (CANDIDATE RELEASE[, RELEASE...] [ARCH]) [broken-dependency notes...]
 * Inst NAME (CANDIDATE RELEASE[, RELEASE...] [ARCH])          a NEW package
 * Conf NAME (CANDIDATE RELEASE[, RELEASE...] [ARCH])
 * Remv NAME [INSTALLED]
 * </pre>
 */
public final class AptSimulationParser {

  private static final Pattern INST =
      Pattern.compile(
          "Inst (\\S+)(?: \\[([^\\]]*)\\])? \\((\\S+)(?: (.*?))??(?: \\[([^\\]]+)\\])?\\).*");
  private static final Pattern REMOVE =
      Pattern.compile("(Remv|Purg) (\\S+)(?: \\[([^\\]]*)\\])?.*");
  private static final Pattern CONF = Pattern.compile("Conf (\\S+) \\(.*\\).*");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) upgraded, (\\d+) newly installed, (?:(\\d+) downgraded, )?(\\d+) to remove and"
              + " (\\d+) not upgraded\\.");
  private static final List<String> PROGRESS =
      List.of(
          "Reading package lists",
          "Building dependency tree",
          "Reading state information",
          "Calculating upgrade",
          "NOTE: This is only a simulation!",
          "apt-get needs root privileges",
          "Keep also in mind that locking is deactivated",
          "so don't depend on the relevance",
          "Use 'apt autoremove' to remove",
          "Use 'sudo apt autoremove' to remove",
          "Need to get ",
          "After this operation");

  private AptSimulationParser() {}

  /** Parses the output; unknown lines become warnings. */
  public static Parsed<AptSimulation> parse(String output) {
    List<SimulatedInstall> installs = new ArrayList<>();
    List<SimulatedRemoval> removals = new ArrayList<>();
    List<String> keptBack = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int notUpgraded = -1;
    List<String> currentList = null; // the "The following ..." list being read, or null

    for (String raw : output.split("\n", -1)) {
      String line = raw.stripTrailing();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith(" ")) {
        if (currentList != null) {
          for (String name : line.strip().split("\\s+")) {
            currentList.add(name.replaceAll("[*]$", ""));
          }
        } else if (!isProgress(line.strip())) {
          warnings.add("unexpected indented line: " + line);
        }
        continue;
      }
      currentList = null;
      if (line.startsWith("Inst ")) {
        SimulatedInstall install = install(line, warnings);
        if (install != null) {
          installs.add(install);
        }
      } else if (line.startsWith("Remv ") || line.startsWith("Purg ")) {
        SimulatedRemoval removal = removal(line, warnings);
        if (removal != null) {
          removals.add(removal);
        }
      } else if (line.startsWith("Conf ")) {
        if (!CONF.matcher(line).matches()) {
          warnings.add("unreadable Conf line: " + line);
        }
      } else if (line.startsWith("E: ")) {
        errors.add(line.substring(3));
      } else if (line.startsWith("W: ") || line.startsWith("N: ")) {
        notices.add(line);
      } else if (line.endsWith(":") && !line.contains("  ")) {
        // A list header ("The following packages have been kept back:", "Suggested packages:").
        // Only the kept-back list carries information the action lines do not.
        currentList = line.contains("kept back") ? keptBack : new ArrayList<>();
      } else if (SUMMARY.matcher(line).matches()) {
        Matcher m = SUMMARY.matcher(line);
        m.matches();
        notUpgraded = Integer.parseInt(m.group(5));
      } else if (!isProgress(line)) {
        warnings.add("unexpected line: " + line);
      }
    }
    return new Parsed<>(
        new AptSimulation(installs, removals, keptBack, notUpgraded, errors, notices), warnings);
  }

  private static boolean isProgress(String line) {
    return PROGRESS.stream().anyMatch(line::startsWith);
  }

  private static SimulatedInstall install(String line, List<String> warnings) {
    Matcher m = INST.matcher(line);
    if (!m.matches()) {
      warnings.add("unreadable Inst line: " + line);
      return null;
    }
    if (!PackageName.isValid(m.group(1))
        || (m.group(2) != null && !DebianVersion.isValid(m.group(2)))
        || !DebianVersion.isValid(m.group(3))) {
      warnings.add("invalid package name or version in: " + line);
      return null;
    }
    List<AptRelease> releases = new ArrayList<>();
    if (m.group(4) != null && !m.group(4).isBlank()) {
      for (String release : m.group(4).split(", ")) {
        releases.add(AptRelease.parse(release));
      }
    }
    return new SimulatedInstall(
        PackageName.parse(m.group(1)),
        m.group(2) == null ? null : DebianVersion.parse(m.group(2)),
        DebianVersion.parse(m.group(3)),
        releases,
        m.group(5));
  }

  private static SimulatedRemoval removal(String line, List<String> warnings) {
    Matcher m = REMOVE.matcher(line);
    if (!m.matches()
        || !PackageName.isValid(m.group(2))
        || (m.group(3) != null && !DebianVersion.isValid(m.group(3)))) {
      warnings.add("unreadable removal line: " + line);
      return null;
    }
    return new SimulatedRemoval(
        PackageName.parse(m.group(2)),
        m.group(3) == null ? null : DebianVersion.parse(m.group(3)),
        m.group(1).equals("Purg"));
  }
}
