package org.herd.plan;

import java.util.Locale;

/**
 * When a run reboots a host, between its restarts and its health gate ({@code --reboot}). A plan
 * records the policy it was made with ({@link PlanOptions#reboot()}); {@code herd apply} follows it
 * unless given its own {@code --reboot}.
 *
 * <p>{@link #IF_REQUIRED} follows the plan's reboot need (a new kernel, a package that asks for
 * one) and the host's own {@code /run/reboot-required}, which packages write while installing.
 */
public enum RebootPolicy {
  /** Never reboot (the default): a needed reboot is reported, not done. */
  NEVER,
  /** Reboot the hosts that need it. */
  IF_REQUIRED,
  /** Reboot every host of the run. */
  ALWAYS;

  /** The option's value, as in {@code if-required}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The policy named {@code label}.
   *
   * @throws IllegalArgumentException when no policy has that label
   */
  public static RebootPolicy of(String label) {
    for (RebootPolicy policy : values()) {
      if (policy.label().equals(label)) {
        return policy;
      }
    }
    throw new IllegalArgumentException(
        "--reboot " + label + ": expected never, if-required or always");
  }
}
