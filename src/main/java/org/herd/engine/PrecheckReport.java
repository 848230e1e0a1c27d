package org.herd.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.debian.DpkgQueryParser;
import org.herd.debian.InstalledPackage;
import org.herd.plan.InstalledVersions;

/**
 * What {@code precheck.sh} found on a host, parsed (pure): dpkg's audit, locks held, free space,
 * and the installed state of the planned packages.
 *
 * @param audit the lines of {@code dpkg --audit}; empty when dpkg is healthy
 * @param locks lock file to the pid holding it
 * @param freeKib directory to free space in KiB
 */
public record PrecheckReport(
    List<String> audit,
    Map<String, String> locks,
    Map<String, Long> freeKib,
    List<InstalledPackage> packages,
    List<String> notInstalled) {

  /** The least free space herd wants where dpkg unpacks and apt writes. */
  public static final long MIN_FREE_KIB = 100 * 1024;

  /** Reads the script's output. */
  public static PrecheckReport parse(String output) {
    List<String> audit = new ArrayList<>();
    Map<String, String> locks = new LinkedHashMap<>();
    Map<String, Long> free = new LinkedHashMap<>();
    StringBuilder dpkg = new StringBuilder();
    for (String line : output.split("\n")) {
      int space = line.indexOf(' ');
      String section = space < 0 ? line : line.substring(0, space);
      String rest = space < 0 ? "" : line.substring(space + 1);
      switch (section) {
        case "audit" -> {
          if (!rest.isBlank()) {
            audit.add(rest);
          }
        }
        case "lock" -> {
          String[] words = rest.split(" ");
          if (words.length == 2) {
            locks.put(words[0], words[1]);
          }
        }
        case "space" -> {
          String[] words = rest.split(" ");
          if (words.length == 2 && words[1].matches("[0-9]{1,18}")) {
            free.put(words[0], Long.parseLong(words[1]));
          }
        }
        case "dpkg" -> dpkg.append(rest).append('\n');
        default -> {}
      }
    }
    DpkgQueryParser.Result query = DpkgQueryParser.parse(dpkg.toString()).value();
    return new PrecheckReport(audit, locks, free, query.packages(), query.notFound());
  }

  /** The installed versions, for the drift check. */
  public InstalledVersions installed() {
    return InstalledVersions.of(packages, notInstalled);
  }

  /** Why the host must not be disrupted now, one reason per line; empty when it may. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!audit.isEmpty()) {
      problems.add("dpkg --audit reports problems: " + String.join(" / ", audit));
    }
    locks.forEach((file, pid) -> problems.add(file + " is held by process " + pid));
    freeKib.forEach(
        (dir, kib) -> {
          if (kib < MIN_FREE_KIB) {
            problems.add(
                "only "
                    + kib / 1024
                    + " MiB free on "
                    + dir
                    + " (herd wants "
                    + MIN_FREE_KIB / 1024
                    + " MiB)");
          }
        });
    return problems;
  }
}
