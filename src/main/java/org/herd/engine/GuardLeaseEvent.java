package org.herd.engine;

import java.time.Instant;

/**
 * What the renewal of a host's guard lease tells the operator during a run: that it failed twice in
 * a row ({@link AtRisk}: one more miss and the lease runs out, and dpkg's restarts are no longer
 * denied while a package may still be installing), and that it succeeded again afterwards ({@link
 * Renewed}). A single missed renewal says nothing: the lease outlives two.
 */
public sealed interface GuardLeaseEvent {

  /** The host whose guard it is. */
  String host();

  /** One line for the operator. */
  String describe();

  /**
   * The guard's lease on {@code host} could not be renewed {@code missed} times in a row.
   *
   * @param reason why the last renewal failed
   * @param expires when the lease runs out unless a renewal succeeds before
   */
  record AtRisk(String host, int missed, String reason, Instant expires)
      implements GuardLeaseEvent {
    @Override
    public String describe() {
      return "the service guard on "
          + host
          + " could not be renewed "
          + missed
          + " times in a row ("
          + reason
          + "); its lease runs out at "
          + expires
          + ", then dpkg may restart the guarded services itself";
    }
  }

  /**
   * A renewal of the guard on {@code host} succeeded after it had been reported {@link AtRisk}.
   *
   * @param missed how many renewals in a row had failed
   * @param until the lease's new end
   */
  record Renewed(String host, int missed, Instant until) implements GuardLeaseEvent {
    @Override
    public String describe() {
      return "the service guard on "
          + host
          + " is renewed again after "
          + missed
          + " failed renewals (lease until "
          + until
          + ")";
    }
  }
}
