package org.herd.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The transport contract for the {@code ssh} (MINA) transport against a real sshd. */
class SshTransportIT extends TransportContract {
  private Path dir;
  private OpenSshServer server;
  private Path config;

  @Override
  protected void setUpHost() throws Exception {
    OpenSshServer.assumeAvailable();
    dir = Files.createTempDirectory("herd-ssh-it");
    server = OpenSshServer.create(dir, "ed25519");
    Path key = OpenSshServer.keygen(dir.resolve("id_ed25519"), "ed25519", "");
    server.authorize(key).start();
    Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine());
    config = server.sshConfig("target", key, knownHosts);
  }

  @Override
  protected void tearDownHost() throws Exception {
    if (server != null) {
      server.close();
    }
    if (dir != null) {
      TarCopy.deleteRecursively(dir);
    }
  }

  @Override
  protected Transport createTransport() {
    return TransportKind.SSH.create(TransportOptions.defaults(dir, Map.of()).withSshConfig(config));
  }

  @Override
  protected Endpoint endpoint() {
    return Endpoint.of("target");
  }

  @Override
  protected long connectionCount() throws Exception {
    return server.connectionCount();
  }
}
