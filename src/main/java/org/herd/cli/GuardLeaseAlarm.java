package org.herd.cli;

import java.util.function.Consumer;
import org.herd.engine.GuardLeaseEvent;
import org.herd.engine.RunControl;
import org.herd.journal.RunId;

/**
 * What a run does when the lease of a host's service guard cannot be kept (docs/guard.md): it tells
 * the operator through the progress display and pauses, as it does for a lost run lease — no more
 * hosts are started, running hosts stop after their current step, and {@code herd resume}
 * continues. A renewal that succeeds again afterwards is told too; the pause stands.
 */
final class GuardLeaseAlarm implements Consumer<GuardLeaseEvent> {

  private final RunId run;
  private final RunProgress progress;
  private final RunControl control;

  GuardLeaseAlarm(RunId run, RunProgress progress, RunControl control) {
    this.run = run;
    this.progress = progress;
    this.control = control;
  }

  @Override
  public void accept(GuardLeaseEvent event) {
    if (event instanceof GuardLeaseEvent.AtRisk) {
      progress.guardLease(event, "pausing (herd resume " + run + ")");
      control.pause();
    } else {
      progress.guardLease(event, "");
    }
  }
}
