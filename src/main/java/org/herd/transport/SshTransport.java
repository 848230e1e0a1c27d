package org.herd.transport;

/** Placeholder until the implementation lands: refuses to open sessions. */
final class SshTransport implements Transport {
  SshTransport(TransportOptions options) {}

  @Override
  public TransportKind kind() {
    return TransportKind.SSH;
  }

  @Override
  public Session open(Endpoint endpoint) throws TransportException {
    throw new TransportException.Failed(
        endpoint.name(), "not implemented yet", "not implemented yet", null);
  }

  @Override
  public void close() {}
}
