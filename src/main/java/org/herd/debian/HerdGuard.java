package org.herd.debian;

import java.time.Instant;

/**
 * Whether herd's service guard is on a host, and whether it is still alive: a guard whose lease
 * expired was left by a run that died (or lost the host); it no longer denies anything, but {@code
 * herd status} shows it so that an operator removes it (or resumes the run).
 *
 * @param state the classification
 * @param run the run that installed it, or null when unknown
 * @param leaseUntil when its lease expires, or null when unknown
 */
public record HerdGuard(State state, String run, Instant leaseUntil) {

  /** What a host's guard files say. */
  public enum State {
    /** No guard of herd on the host. */
    NONE,
    /** A guard whose lease has not expired: a run is (or was recently) working on the host. */
    ACTIVE,
    /** A guard whose lease has expired: left by a dead run; it allows everything now. */
    STALE,
    /** A guard without a readable lease: treated as expired by the guard script. */
    BROKEN
  }

  /** No guard. */
  public static final HerdGuard NONE = new HerdGuard(State.NONE, null, null);

  /**
   * Classifies a host's guard from what a probe read.
   *
   * @param policyRcd the host's policy-rc.d, as {@link PolicyRcd#classify} saw it
   * @param herdRules whether {@code /etc/service-policy.d/00-herd.pol} exists (the guard of hosts
   *     running policy-rcd-declarative)
   * @param lease the content of the guard's lease file (epoch seconds), or null when absent
   * @param run the content of the guard's run file, or null when absent
   * @param now the current time
   */
  public static HerdGuard classify(
      PolicyRcd policyRcd, boolean herdRules, String lease, String run, Instant now) {
    boolean present =
        (policyRcd != null && policyRcd.kind() == PolicyRcd.Kind.HERD_GUARD) || herdRules;
    if (!present) {
      return NONE;
    }
    String owner = run == null || run.isBlank() ? null : run.strip();
    String value = lease == null ? "" : lease.strip();
    if (!value.matches("[0-9]{1,18}")) {
      return new HerdGuard(State.BROKEN, owner, null);
    }
    Instant until = Instant.ofEpochSecond(Long.parseLong(value));
    // The guard script allows once now >= lease: the same boundary here.
    return new HerdGuard(now.isBefore(until) ? State.ACTIVE : State.STALE, owner, until);
  }
}
