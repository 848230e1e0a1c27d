package org.herd.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The operator's hand on a running run: pause (Ctrl-C) or abort. Safe to call from any thread, such
 * as a signal handler; the {@link RunExecutor} looks at it between steps.
 *
 * <p>Pause stops admitting hosts and stops each running host after its current step, leaving the
 * run resumable. Abort stops admitting hosts, lets running steps finish, then runs each started
 * host's cleanup steps (undrain, unguard). An abort is never downgraded to a pause.
 */
public final class RunControl {

  /** What the operator asked for. */
  public enum Request {
    NONE,
    PAUSE,
    ABORT
  }

  private final AtomicReference<Request> request = new AtomicReference<>(Request.NONE);

  /** Asks the run to pause after the current steps. */
  public void pause() {
    request.compareAndSet(Request.NONE, Request.PAUSE);
  }

  /** Asks the run to stop and clean up. */
  public void abort() {
    request.set(Request.ABORT);
  }

  /** What has been asked so far. */
  public Request requested() {
    return request.get();
  }
}
