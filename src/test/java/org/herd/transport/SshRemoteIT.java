package org.herd.transport;

/** The remote-transport contract for the {@code ssh} transport. */
class SshRemoteIT extends RemoteTransportContract {
  @Override
  protected TransportKind kind() {
    return TransportKind.SSH;
  }
}
