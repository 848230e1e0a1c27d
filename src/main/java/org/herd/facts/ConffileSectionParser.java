package org.herd.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herd.debian.ConffileHashes;
import org.herd.debian.PackageName;

/**
 * Reads the {@code @@conffiles@@} section of the selection probe ({@code selection.sh} documents
 * its lines): {@code option OPTION}, {@code file PKG INSTALLED CANDIDATE LOCAL FLAG PATH} (sums
 * {@code -} when absent, {@code FLAG} {@code remove-on-upgrade} or {@code -}) and {@code unexamined
 * PKG REASON}. A line it cannot read makes its package unexamined, so that a garbled answer is
 * never taken for "nothing changes".
 */
final class ConffileSectionParser {

  private ConffileSectionParser() {}

  /** The facts of the section's lines (between its start and end markers). */
  static ConffileFacts parse(List<String> lines) {
    List<ConffileHashes> files = new ArrayList<>();
    Map<PackageName, String> unexamined = new HashMap<>();
    List<String> options = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ", 2);
      String rest = f.length > 1 ? f[1] : "";
      switch (f[0]) {
        case "option" -> options.add(rest.strip());
        case "file" -> file(rest, files, unexamined);
        case "unexamined" -> {
          String[] u = rest.split(" ", 2);
          if (PackageName.isValid(u[0])) {
            unexamined.put(PackageName.parse(u[0]), u.length > 1 ? u[1].strip() : "unknown");
          }
        }
        default -> {
          // An unknown kind of line: a newer script; nothing to learn from it.
        }
      }
    }
    files.removeIf(h -> unexamined.containsKey(h.pkg()));
    return new ConffileFacts(files, unexamined, options, null);
  }

  private static void file(
      String rest, List<ConffileHashes> files, Map<PackageName, String> unexamined) {
    String[] f = rest.split(" ", 6);
    if (!PackageName.isValid(f[0])) {
      return;
    }
    PackageName pkg = PackageName.parse(f[0]);
    if (f.length < 6) {
      unexamined.put(pkg, "unreadable probe line: file " + rest);
      return;
    }
    try {
      files.add(
          new ConffileHashes(
              pkg, f[5], sum(f[1]), sum(f[2]), sum(f[3]), f[4].equals("remove-on-upgrade")));
    } catch (IllegalArgumentException e) {
      unexamined.put(pkg, "unreadable probe line: " + e.getMessage());
    }
  }

  private static String sum(String text) {
    return text.equals("-") ? null : text;
  }
}
