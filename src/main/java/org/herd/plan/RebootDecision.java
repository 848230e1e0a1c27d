package org.herd.plan;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether {@code herd apply} will reboot a host, as far as the plan can tell: the plan's {@link
 * RebootPolicy} applied to the host's {@link RebootNeed}. Under {@code if-required} a host with no
 * predicted need is still rebooted when a package writes {@code /run/reboot-required} while it
 * installs, which only the run can see: that is {@link Verdict#IF_FLAGGED}.
 *
 * @param verdict yes, no, or only if the host flags it
 * @param why the reasons (the packages that need it) or the policy that decides
 */
public record RebootDecision(Verdict verdict, String why) {

  /** The plan's answer. */
  public enum Verdict {
    /** The host is rebooted after its restarts. */
    YES,
    /** The host is not rebooted. */
    NO,
    /** The host is rebooted only if {@code /run/reboot-required} exists after its install. */
    IF_FLAGGED
  }

  public RebootDecision {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(why, "why");
  }

  /** What {@code policy} decides for a host with {@code need}. */
  public static RebootDecision of(RebootPolicy policy, RebootNeed need) {
    String reasons = String.join(", ", need.reasons());
    return switch (policy) {
      case NEVER ->
          new RebootDecision(
              Verdict.NO,
              need.required() ? "--reboot never; needed: " + reasons : "--reboot never");
      case ALWAYS -> new RebootDecision(Verdict.YES, "--reboot always");
      case IF_REQUIRED ->
          need.required()
              ? new RebootDecision(Verdict.YES, reasons)
              : new RebootDecision(
                  Verdict.IF_FLAGGED, "if /run/reboot-required appears while it upgrades");
    };
  }

  /** As the plan summary says it: {@code yes (linux-image-6.1.0-30-amd64: kernel)}. */
  public String describe() {
    return switch (verdict) {
      case YES, NO -> verdict.name().toLowerCase(Locale.ROOT) + " (" + why + ")";
      case IF_FLAGGED -> "only " + why;
    };
  }
}
