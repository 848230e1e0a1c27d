package org.herd.inventory;

import java.util.ArrayList;
import java.util.List;

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
 * @param identityFile a private key file to offer first (as {@code ssh -i})
 * @param sshOptions OpenSSH options, {@code Key=Value} (as {@code ssh -o} takes them)
 */
public record ConnectionSettings(
    String address,
    String user,
    Integer port,
    Transport transport,
    Become become,
    String sshConfig,
    String identityFile,
    List<String> sshOptions) {

  /** Sets nothing. */
  public static final ConnectionSettings NONE =
      new ConnectionSettings(null, null, null, null, null, null, null, null);

  /** The port used when no level sets one. */
  public static final int DEFAULT_PORT = 22;

  /** Freezes the ssh options. */
  public ConnectionSettings {
    sshOptions = sshOptions == null ? null : List.copyOf(sshOptions);
  }

  /**
   * These settings, with every field that {@code other} sets replaced by its value; ssh options are
   * not replaced but put first, as the more specific level's ({@code ssh} keeps the first value of
   * each option, so they win).
   */
  public ConnectionSettings overriddenBy(ConnectionSettings other) {
    return new ConnectionSettings(
        pick(other.address, address),
        pick(other.user, user),
        pick(other.port, port),
        pick(other.transport, transport),
        pick(other.become, become),
        pick(other.sshConfig, sshConfig),
        pick(other.identityFile, identityFile),
        concat(other.sshOptions, sshOptions));
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
        sshConfig,
        identityFile,
        sshOptions == null ? List.of() : sshOptions);
  }

  private static <T> T pick(T preferred, T fallback) {
    return preferred != null ? preferred : fallback;
  }

  private static List<String> concat(List<String> first, List<String> then) {
    if (first == null || then == null) {
      return pick(first, then);
    }
    List<String> both = new ArrayList<>(first);
    both.addAll(then);
    return both;
  }
}
