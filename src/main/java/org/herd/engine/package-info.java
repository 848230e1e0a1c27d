/**
 * Executes plans on hosts. So far the host-side mechanisms the step sequence is built on:
 *
 * <ul>
 *   <li>{@link org.herd.engine.DetachedCommand}: long steps ({@code install}) run detached from the
 *       SSH session (a transient systemd unit, or {@code setsid}), with their log and exit status
 *       in files under {@code /var/lib/herd/runs/RUN/}; follow, re-attach and idempotent start.
 *   <li>{@link org.herd.engine.ServiceGuard}: herd's policy-rc.d (or policy-rcd-declarative rules)
 *       that denies dpkg's restarts of the services herd controls, spools them, and expires with a
 *       lease.
 *   <li>{@link org.herd.engine.ServiceRestarts}: the spooled restarts performed herd's way, with a
 *       {@link org.herd.engine.RestartOutcome} per unit.
 * </ul>
 *
 * <p>docs/guard.md describes what each leaves on a host and when.
 */
package org.herd.engine;
