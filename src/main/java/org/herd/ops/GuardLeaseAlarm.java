package org.herd.ops;

import java.util.function.Consumer;
import org.herd.engine.GuardLeaseEvent;
import org.herd.engine.RunControl;
import org.herd.journal.RunId;

/**
 * What a run does when the lease of a host's service guard cannot be kept (docs/guard.md): it tells
 * the operator through the run's observer and pauses, as it does for a lost run lease — no more
 * hosts are started, running hosts stop after their current step, and {@code herd resume}
 * continues. A renewal that succeeds again afterwards is told too; the pause stands.
 */
public final class GuardLeaseAlarm implements Consumer<GuardLeaseEvent> {

  private final RunId run;
  private final RunObserver observer;
  private final RunControl control;

  /** Pauses {@code run} through {@code control} and tells {@code observer}. */
  public GuardLeaseAlarm(RunId run, RunObserver observer, RunControl control) {
    this.run = run;
    this.observer = observer;
    this.control = control;
  }

  @Override
  public void accept(GuardLeaseEvent event) {
    if (event instanceof GuardLeaseEvent.AtRisk) {
      observer.guardLease(event, "pausing (herd resume " + run + ")");
      control.pause();
    } else {
      observer.guardLease(event, "");
    }
  }
}
