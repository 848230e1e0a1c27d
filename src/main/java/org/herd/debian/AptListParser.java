package org.herd.debian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code apt list --installed} lines ({@code name/suites version arch [flags]}) and keeps the
 * installed packages whose flags say {@code local}: apt's word for an installed version that no
 * configured source offers and that has no candidate upgrade either (in-house builds, packages of a
 * removed repository, leftovers of an older release). apt's banner lines are skipped.
 */
public final class AptListParser {

  private static final Pattern LINE =
      Pattern.compile("(\\S+?)/(\\S*) (\\S+) (\\S+) \\[([^\\]]*)\\]");

  private AptListParser() {}

  /** The packages flagged {@code local}; never throws. */
  public static Parsed<List<InstalledPackage>> parseLocal(String output) {
    List<InstalledPackage> local = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String line : output.split("\n", -1)) {
      if (line.isBlank()
          || line.startsWith("Listing...")
          || line.startsWith("WARNING: apt does not have a stable CLI interface")) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches() || !PackageName.isValid(m.group(1)) || !DebianVersion.isValid(m.group(3))) {
        warnings.add("unexpected apt list line: " + line);
        continue;
      }
      List<String> flags = Arrays.stream(m.group(5).split(",")).map(String::strip).toList();
      if (flags.contains("local")) {
        local.add(
            new InstalledPackage(
                PackageName.parse(m.group(1)), m.group(4), DebianVersion.parse(m.group(3)), null));
      }
    }
    return new Parsed<>(local, warnings);
  }
}
