package org.herd.fleet;

/**
 * Receives the events of a fan-out as they happen: for live {@code host: line} display and the
 * progress line.
 *
 * <p>Called from transport and connector threads, concurrently for different hosts (never
 * concurrently for the same host): implementations serialize their own output and never block for
 * long, because a slow listener slows the hosts it listens to.
 */
public interface FleetListener {

  /** Ignores every event. */
  FleetListener NONE = new FleetListener() {};

  /** The host is being connected to (it has a fan-out slot). */
  default void started(String host) {}

  /** The host printed a complete line (the last line of a stream may lack its terminator). */
  default void line(String host, OutputLine line) {}

  /** The host is done; called exactly once per host, also for hosts that never started. */
  default void finished(HostResult result) {}
}
