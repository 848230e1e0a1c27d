package org.herd.inventory;

import java.util.List;
import java.util.Objects;

/**
 * How to reach one host, after defaults, group and host settings were layered.
 *
 * @param address the name or address to connect to (the host name unless overridden)
 * @param user the login user, or {@code null} for the SSH client's default (the local user, or what
 *     the SSH configuration file says)
 * @param port the SSH port
 * @param transport how to reach the host
 * @param become how to become root
 * @param sshConfig an OpenSSH client configuration file, or {@code null} for the SSH default
 * @param identityFile a private key file to offer first, or {@code null}
 * @param sshOptions OpenSSH options ({@code Key=Value}), the host's own first; empty for none
 */
public record Connection(
    String address,
    String user,
    int port,
    Transport transport,
    Become become,
    String sshConfig,
    String identityFile,
    List<String> sshOptions) {

  /** Validates the fields that always have a value. */
  public Connection {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(become, "become");
    sshOptions = List.copyOf(sshOptions);
  }
}
