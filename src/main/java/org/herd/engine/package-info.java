/**
 * Executes plans on hosts.
 *
 * <p>Vocabulary of the scheduler (docs/scheduling.md):
 *
 * <ul>
 *   <li><b>Rollout</b> ({@link org.herd.engine.Rollout}): a run's constraints — its clusters
 *       ({@code ClusterRule}: members, budget), its waves ({@code Stage}: hosts, soak), {@link
 *       org.herd.engine.Serial} batches for hosts in no cluster, the {@link org.herd.engine.Canary}
 *       option, gate retry and deadline.
 *   <li><b>Admission</b> ({@link org.herd.engine.Admission}): the scheduler. Pure and event-driven:
 *       told when hosts end, asked which hosts may start now; returns a {@code Decision} (hosts to
 *       start, when to ask again, whether to pause). Used unchanged by {@link
 *       org.herd.engine.RunExecutor} and the simulator ({@code engine.sim}).
 *   <li><b>Out of service</b>: a host from its admission to its end; counted against the budget of
 *       every cluster it is in.
 *   <li><b>Budget</b>: how many members of a cluster may be out at once; <b>gate</b>: whether the
 *       cluster may lose one more member now; <b>ok to stop</b>: the per-member check;
 *       <b>order</b>: members go in this order, never skipped — all answered by a {@link
 *       org.herd.engine.ClusterPolicy}.
 *   <li><b>Degraded</b>: a cluster with a failed member; nothing more of it is taken out.
 *   <li><b>Not started</b> ({@link org.herd.engine.HostEnd.NotStarted}): a host the constraints did
 *       not let start, with the reason.
 * </ul>
 *
 * <pre>
 *   events (host ended, failed; time passed) ──► Admission ──► Decision(start, wakeAt, pause)
 *                         ▲                                          │
 *                         └──── RunExecutor (threads) / Simulator (virtual time) ◄┘
 * </pre>
 *
 * <p>The host-side mechanisms the step sequence is built on:
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
