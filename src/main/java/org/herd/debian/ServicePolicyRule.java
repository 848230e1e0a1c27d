package org.herd.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a policy-rcd-declarative file, {@code /etc/service-policy.d/*.pol}
 * (service-policy.d(5)): three whitespace-separated fields, a Perl regex for the service, a regex
 * for the invoke-rc.d action, and the policy. Files are read in name order and the first matching
 * rule wins.
 *
 * @param file the file the rule is in
 * @param line its line number (1-based)
 * @param service the service regex
 * @param action the action regex
 * @param policy the policy
 */
public record ServicePolicyRule(
    String file, int line, String service, String action, Policy policy) {

  /** The policies policy-rc.d-declarative knows (exit codes 0, 101 and 106). */
  public enum Policy {
    ALLOW,
    DENY,
    RESTART_IGNORE
  }

  /**
   * Parses a file the way policy-rc.d-declarative does: {@code #} starts a comment anywhere, lines
   * without exactly three fields are skipped (with a warning when they are not blank), and an
   * unknown policy is a warning (policy-rc.d-declarative answers 105 for it).
   */
  public static Parsed<List<ServicePolicyRule>> parse(String file, String content) {
    List<ServicePolicyRule> rules = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceFirst("#.*$", "");
      if (line.isBlank()) {
        continue;
      }
      // Perl's split /\s+/ keeps a leading empty field: an indented rule has four fields there.
      String[] fields = line.stripTrailing().split("\\s+", -1);
      if (fields.length != 3) {
        warnings.add(file + ":" + (i + 1) + ": ignored, not three fields: " + lines[i]);
        continue;
      }
      Policy policy =
          switch (fields[2]) {
            case "allow" -> Policy.ALLOW;
            case "deny" -> Policy.DENY;
            case "restart-ignore" -> Policy.RESTART_IGNORE;
            default -> null;
          };
      if (policy == null) {
        warnings.add(file + ":" + (i + 1) + ": unknown policy '" + fields[2] + "'");
        continue;
      }
      rules.add(new ServicePolicyRule(file, i + 1, fields[0], fields[1], policy));
    }
    return new Parsed<>(rules, warnings);
  }
}
