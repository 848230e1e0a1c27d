package org.herd.transport;

/** Placeholder until the implementation lands: refuses to open sessions. */
final class OpenSshTransport implements Transport {
  OpenSshTransport(TransportOptions options) {}

  @Override
  public TransportKind kind() {
    return TransportKind.OPENSSH;
  }

  @Override
  public Session open(Endpoint endpoint) throws TransportException {
    throw new TransportException.Failed(
        endpoint.name(), "not implemented yet", "not implemented yet", null);
  }

  @Override
  public void close() {}
}
