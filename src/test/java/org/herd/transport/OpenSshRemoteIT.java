package org.herd.transport;

/** The remote-transport contract for the {@code openssh} transport. */
class OpenSshRemoteIT extends RemoteTransportContract {
  @Override
  protected TransportKind kind() {
    return TransportKind.OPENSSH;
  }
}
