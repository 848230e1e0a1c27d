package org.herd.engine;

/** How herd restarts a service after an upgrade (configurable per service by the caller). */
public enum RestartMode {
  /** {@code systemctl restart}: the service runs afterwards, whether it ran before or not. */
  RESTART,
  /** {@code systemctl try-restart}: only a running service is restarted; a stopped one stays so. */
  TRY_RESTART
}
