package org.herd.engine;

/** How a detached step was started on its host. */
public enum DetachedMode {
  /**
   * A transient service unit ({@code systemd-run --collect}) where systemd is PID 1: the step runs
   * outside the SSH session's cgroup, so neither a dropped connection nor the end of the login
   * session can stop it.
   */
  SYSTEMD,
  /**
   * {@code setsid -f} where systemd does not run: the step gets a session of its own, without a
   * controlling terminal, so no hang-up reaches it when the connection drops.
   */
  SETSID
}
