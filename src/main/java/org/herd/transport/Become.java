package org.herd.transport;

/**
 * How a command gains privileges on the host. Applied by wrapping the command (never by editing its
 * text), so the command's quoting is kept exactly.
 */
public enum Become {
  /** Run as the login user. */
  NONE,
  /**
   * Run as root through {@code sudo}: {@code sudo -n} (NOPASSWD) unless {@link
   * TransportOptions#becomePassword()} is set, in which case {@code sudo -S} reads it from stdin
   * when sudo asks for it (the password is never put on a command line nor logged).
   */
  SUDO
}
