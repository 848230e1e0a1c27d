package org.herd.ops;

import java.util.Map;
import org.herd.transport.Transport;
import org.herd.transport.TransportKind;

/**
 * Opens the transport to a set of hosts, each by its kind. The caller provides it: the CLI asks for
 * passphrases and the sudo password on its terminal, and shares one SSH client between the phases
 * of a command.
 */
@FunctionalInterface
public interface Transports {

  /** A transport to the hosts of {@code kinds}; closing it releases what it alone holds. */
  Transport open(Map<String, TransportKind> kinds);
}
