package org.herd.transport;

import java.nio.file.Path;
import java.util.Map;

/** The transport contract against the local machine. */
class LocalTransportTest extends TransportContract {

  @Override
  protected Transport createTransport() {
    return TransportKind.LOCAL.create(
        TransportOptions.defaults(Path.of(System.getProperty("user.home")), Map.of()));
  }

  @Override
  protected Endpoint endpoint() {
    return Endpoint.of("localhost");
  }
}
