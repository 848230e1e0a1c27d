package org.herd.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code dpkg --audit} (with {@code LC_ALL=C}): paragraphs of explanation, each followed by
 * the packages it applies to, one per line, indented by one space and followed by their short
 * description. Empty output means a healthy database. Never throws.
 */
public final class DpkgAuditParser {

  private DpkgAuditParser() {}

  /** Parses the audit; a package line before any paragraph, or a bad name, becomes a warning. */
  public static Parsed<List<AuditProblem>> parse(String output) {
    List<AuditProblem> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    AuditProblem.Kind kind = null;
    boolean inPackages = false;
    for (String line : output.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith(" ")) {
        if (!inPackages) {
          kind = paragraph.isEmpty() ? null : AuditProblem.Kind.ofParagraph(paragraph.toString());
          inPackages = true;
          if (kind == AuditProblem.Kind.OTHER) {
            warnings.add("unknown dpkg --audit paragraph: " + paragraph.toString().strip());
          }
        }
        String name = line.strip().split("\\s+", 2)[0];
        if (kind == null || !PackageName.isValid(name)) {
          warnings.add("unexpected dpkg --audit line: " + line);
        } else {
          problems.add(new AuditProblem(PackageName.parse(name), kind));
        }
      } else {
        if (inPackages) {
          paragraph.setLength(0);
          inPackages = false;
        }
        paragraph.append(line).append(' ');
      }
    }
    if (!inPackages && !paragraph.isEmpty()) {
      warnings.add("dpkg --audit text without packages: " + paragraph.toString().strip());
    }
    return new Parsed<>(problems, warnings);
  }
}
