package org.herd.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads outputs that list one package name per line: {@code apt-mark showhold} and {@code
 * /run/reboot-required.pkgs}. A line that is not a valid package name becomes a warning. Duplicates
 * are kept once, in first-seen order (reboot-required.pkgs repeats a package per upgrade).
 */
public final class PackageListParser {

  private PackageListParser() {}

  /** Parses the list; never throws. */
  public static Parsed<List<PackageName>> parse(String output) {
    List<PackageName> names = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String raw : output.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (PackageName.isValid(line)) {
        PackageName name = PackageName.parse(line);
        if (!names.contains(name)) {
          names.add(name);
        }
      } else {
        warnings.add("not a package name: " + line);
      }
    }
    return new Parsed<>(names, warnings);
  }
}
