package org.herd.ops;

import org.herd.engine.GuardLeaseEvent;
import org.herd.engine.RunListener;

/**
 * Hears a run as it executes: its steps ({@link RunListener}), and what the operator must read now.
 * Called from the run's threads; implementations must be thread-safe and quick.
 */
public interface RunObserver extends RunListener {

  /** One line for the operator: the run's lease lost, an after-run restart, a lease taken over. */
  void notice(String line);

  /**
   * The lease of a host's service guard is at risk, or kept again; {@code consequence} says what
   * the run does about it ("pausing (herd resume RUN)"), or is empty.
   */
  void guardLease(GuardLeaseEvent event, String consequence);
}
