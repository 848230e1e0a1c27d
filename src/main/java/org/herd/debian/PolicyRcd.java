package org.herd.debian;

import java.util.List;

/**
 * Who decides whether dpkg may start and restart services: the {@code /usr/sbin/policy-rc.d} that
 * invoke-rc.d consults (README.policy-rc.d of init-system-helpers), classified by its content.
 *
 * @param kind the classification
 * @param target where the path resolves to ({@code readlink -f}), or null when absent
 */
public record PolicyRcd(Kind kind, String target) {

  /**
   * The marker herd's own guard script carries on a comment line, so a probe can tell it from
   * anything an operator or another tool installed.
   */
  public static final String HERD_GUARD_MARKER = "herd-guard";

  /** The kinds of policy-rc.d herd distinguishes. */
  public enum Kind {
    /** No policy-rc.d: every start/restart request is allowed. */
    ABSENT,
    /** herd's guard (see {@link #HERD_GUARD_MARKER}), left by a run. */
    HERD_GUARD,
    /** Debian's policy-rcd-declarative: rules in {@code /etc/service-policy.d/*.pol}. */
    DECLARATIVE,
    /** A script whose only command is {@code exit 101}: every action denied (chroots, Docker). */
    DENY_ALL,
    /** Anything else: a local script herd cannot reason about. */
    OTHER
  }

  /**
   * Whether this policy-rc.d (with the guard's other files) is a live or a stale guard of herd: see
   * {@link HerdGuard#classify}.
   */
  public HerdGuard guard(boolean herdRules, String lease, String run, java.time.Instant now) {
    return HerdGuard.classify(this, herdRules, lease, run, now);
  }

  /**
   * Classifies a policy-rc.d.
   *
   * @param present whether the path exists
   * @param target its resolved path, or null
   * @param content its content (or the first few kilobytes), or null when unreadable
   */
  public static PolicyRcd classify(boolean present, String target, String content) {
    if (!present) {
      return new PolicyRcd(Kind.ABSENT, null);
    }
    String text = content == null ? "" : content;
    if (text.lines().anyMatch(l -> l.strip().startsWith("#") && l.contains(HERD_GUARD_MARKER))) {
      return new PolicyRcd(Kind.HERD_GUARD, target);
    }
    if ((target != null && target.endsWith("/policy-rc.d-declarative"))
        || text.contains("/etc/service-policy.d/")) {
      return new PolicyRcd(Kind.DECLARATIVE, target);
    }
    List<String> commands =
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    if (commands.equals(List.of("exit 101"))) {
      return new PolicyRcd(Kind.DENY_ALL, target);
    }
    return new PolicyRcd(Kind.OTHER, target);
  }
}
