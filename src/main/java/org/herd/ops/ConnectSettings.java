package org.herd.ops;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.herd.transport.TransportKind;

/**
 * How the operator asked to reach hosts, over what the inventory says.
 *
 * @param transport the transport for every host, or empty to follow the inventory (ssh by default)
 * @param become whether every host runs commands through sudo, whatever the inventory says
 * @param sshConfig the ssh_config named for this command, if one was: it then wins over the
 *     inventory's per-host {@code ssh_config}
 * @param sshOptions OpenSSH options for every host ({@code Key=Value}, {@code -l USER} as {@code
 *     User=USER}), before the inventory's: they win, as {@code ssh -o} does over ssh_config
 */
public record ConnectSettings(
    Optional<TransportKind> transport,
    boolean become,
    Optional<Path> sshConfig,
    List<String> sshOptions) {

  /** The inventory's settings, ssh for hosts it does not know. */
  public static final ConnectSettings INVENTORY =
      new ConnectSettings(Optional.empty(), false, Optional.empty(), List.of());

  /** Whether an ssh_config was named for this command. */
  public boolean sshConfigGiven() {
    return sshConfig.isPresent();
  }

  /** Freezes the options. */
  public ConnectSettings {
    sshOptions = List.copyOf(sshOptions);
  }
}
