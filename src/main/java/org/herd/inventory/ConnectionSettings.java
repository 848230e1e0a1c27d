package org.herd.inventory;

/**
 * Connection settings as written at one level of an inventory (defaults, a group, a host): each
 * field is {@code null} when that level does not set it. Levels are layered with {@link
 * #overriddenBy}; the result becomes a {@link Connection} with {@link #resolve}.
 *
 * @param address the name or IP address to connect to, when it is not the host name
 * @param user the login user
 * @param port the SSH port
 * @param transport how to reach the host
 * @param become how to become root
 * @param sshConfig an OpenSSH client configuration file to read
 */
public record ConnectionSettings(
    String address,
    String user,
    Integer port,
    Transport transport,
    Become become,
    String sshConfig) {

  /** Sets nothing. */
  public static final ConnectionSettings NONE =
      new ConnectionSettings(null, null, null, null, null, null);

  /** The port used when no level sets one. */
  public static final int DEFAULT_PORT = 22;

  /** These settings, with every field that {@code other} sets replaced by its value. */
  public ConnectionSettings overriddenBy(ConnectionSettings other) {
    return new ConnectionSettings(
        pick(other.address, address),
        pick(other.user, user),
        pick(other.port, port),
        pick(other.transport, transport),
        pick(other.become, become),
        pick(other.sshConfig, sshConfig));
  }

  /** Whether no field is set. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** The effective connection of host {@code hostName}, filling unset fields with defaults. */
  public Connection resolve(String hostName) {
    return new Connection(
        address == null ? hostName : address,
        user,
        port == null ? DEFAULT_PORT : port,
        transport == null ? Transport.SSH : transport,
        become == null ? Become.NONE : become,
        sshConfig);
  }

  private static <T> T pick(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }
}
