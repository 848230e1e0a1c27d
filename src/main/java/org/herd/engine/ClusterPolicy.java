package org.herd.engine;

import java.util.List;

/**
 * What the scheduler asks about a cluster while it rolls through it: the member order, whether the
 * cluster may lose one more member right now (its health gate), whether a given member is ok to
 * stop, and the one-way finalize steps once every member is upgraded. Recipes answer these on real
 * hosts; simulations answer them in virtual time.
 *
 * <p>Calls may block (they run checks on hosts); the scheduler calls them from its own thread,
 * never for the same cluster concurrently. Failures to reach a host are reported as {@link
 * GateVerdict.Fail}, never thrown.
 */
public interface ClusterPolicy {

  /**
   * The members in the order they should be upgraded (e.g. the leader last), asked once before the
   * cluster's first member is admitted.
   *
   * @param members the members in the run, in inventory order
   * @return the same members, reordered; never null
   */
  List<String> order(String cluster, List<String> members);

  /** The cluster's health gate right now: may one more member be taken out of service? */
  GateVerdict gate(String cluster);

  /** The per-member pre-stop check ("ok to stop?"), asked right before the member is drained. */
  GateVerdict okToStop(String cluster, String member);

  /**
   * Runs the cluster's one-way finalize steps (feature flags…) once all its members are upgraded;
   * only when the operator asked for them.
   *
   * @return how it ended
   */
  StepResult finalizeCluster(String cluster);

  /** No checks: every gate passes, members keep their order, nothing to finalize. */
  ClusterPolicy NONE =
      new ClusterPolicy() {
        @Override
        public List<String> order(String cluster, List<String> members) {
          return members;
        }

        @Override
        public GateVerdict gate(String cluster) {
          return GateVerdict.PASS;
        }

        @Override
        public GateVerdict okToStop(String cluster, String member) {
          return GateVerdict.PASS;
        }

        @Override
        public StepResult finalizeCluster(String cluster) {
          return new StepResult.Skipped("nothing to finalize");
        }
      };
}
