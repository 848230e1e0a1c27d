package org.herd.engine;

/** How the guard is installed on a host. */
public enum GuardMode {
  /**
   * herd's own {@code /usr/sbin/policy-rc.d} script; a foreign one is moved into the guard's
   * directory, consulted for every other service, and put back on removal.
   */
  SCRIPT,
  /**
   * The host runs policy-rcd-declarative: herd adds {@code /etc/service-policy.d/00-herd.pol},
   * which is read before every other rule file, and touches nothing else.
   */
  DECLARATIVE
}
