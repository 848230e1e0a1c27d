package org.herd.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A host as the inventory describes it, before ssh_config is applied.
 *
 * <p>Anything left unset (null, or 0 for the port) comes from the OpenSSH client configuration for
 * {@link #name()}, exactly as {@code ssh name} would resolve it: {@code HostName}, {@code Port},
 * {@code User}, {@code ConnectTimeout}. Values set here win over the config file, as {@code ssh -p
 * -l -i -o} options do, and {@link #sshOptions()} win over the other values (they are given first,
 * and OpenSSH keeps the first value of each option).
 *
 * @param name the inventory name of the host; also the {@code Host} pattern key in ssh_config and
 *     the name used in messages
 * @param hostname the address or DNS name to connect to, or null to use ssh_config's {@code
 *     HostName} (or {@code name} itself)
 * @param port the TCP port, or 0 for ssh_config's {@code Port} (or 22)
 * @param user the login user, or null for ssh_config's {@code User} (or the local user)
 * @param sshConfig the OpenSSH client config file to read, or null for the transport's default
 *     ({@link TransportOptions#sshConfig()}, normally {@code ~/.ssh/config})
 * @param become how commands gain privileges
 * @param connectTimeout the TCP connect and handshake deadline, or null for ssh_config's {@code
 *     ConnectTimeout} (or {@link TransportOptions#connectTimeout()})
 * @param identityFile a private key to offer first (as {@code ssh -i}), or null
 * @param sshOptions OpenSSH options as {@code ssh -o} takes them ({@code Key=Value}), first ones
 *     first
 */
public record Endpoint(
    String name,
    String hostname,
    int port,
    String user,
    Path sshConfig,
    Become become,
    Duration connectTimeout,
    Path identityFile,
    List<String> sshOptions) {

  /** Validates the fields. */
  public Endpoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(become, "become");
    sshOptions = List.copyOf(sshOptions);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("endpoint name is empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (connectTimeout != null && (connectTimeout.isNegative() || connectTimeout.isZero())) {
      throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
    }
  }

  /** An endpoint known only by name: everything else comes from ssh_config. */
  public static Endpoint of(String name) {
    return new Endpoint(name, null, 0, null, null, Become.NONE, null, null, List.of());
  }

  /** A copy with another address. */
  public Endpoint withHostname(String value) {
    return new Endpoint(
        name, value, port, user, sshConfig, become, connectTimeout, identityFile, sshOptions);
  }

  /** A copy with another port. */
  public Endpoint withPort(int value) {
    return new Endpoint(
        name, hostname, value, user, sshConfig, become, connectTimeout, identityFile, sshOptions);
  }

  /** A copy with another login user. */
  public Endpoint withUser(String value) {
    return new Endpoint(
        name, hostname, port, value, sshConfig, become, connectTimeout, identityFile, sshOptions);
  }

  /** A copy with another ssh_config file. */
  public Endpoint withSshConfig(Path value) {
    return new Endpoint(
        name, hostname, port, user, value, become, connectTimeout, identityFile, sshOptions);
  }

  /** A copy with another privilege mode. */
  public Endpoint withBecome(Become value) {
    return new Endpoint(
        name, hostname, port, user, sshConfig, value, connectTimeout, identityFile, sshOptions);
  }

  /** A copy with another connect timeout. */
  public Endpoint withConnectTimeout(Duration value) {
    return new Endpoint(
        name, hostname, port, user, sshConfig, become, value, identityFile, sshOptions);
  }

  /** A copy with another identity file. */
  public Endpoint withIdentityFile(Path value) {
    return new Endpoint(
        name, hostname, port, user, sshConfig, become, connectTimeout, value, sshOptions);
  }

  /** A copy with other ssh options ({@code Key=Value}). */
  public Endpoint withSshOptions(List<String> value) {
    return new Endpoint(
        name, hostname, port, user, sshConfig, become, connectTimeout, identityFile, value);
  }
}
