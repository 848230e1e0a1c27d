package org.herd.engine;

import java.nio.file.Path;
import java.util.Map;
import org.herd.lab.LabHost;
import org.herd.lab.TestLab;
import org.herd.transport.Endpoint;
import org.herd.transport.Session;
import org.herd.transport.Transport;
import org.herd.transport.TransportKind;
import org.herd.transport.TransportOptions;

/** herd's own SSH transport to the lab's hosts, with the lab's ssh_config and keys. */
final class LabSessions {

  private LabSessions() {}

  static Transport transport(TestLab lab) {
    return TransportKind.SSH.create(
        TransportOptions.defaults(Path.of(System.getProperty("user.home")), Map.of())
            .withSshConfig(lab.sshConfig()));
  }

  static Session open(Transport transport, LabHost host) throws Exception {
    return transport.open(Endpoint.of(host.name()));
  }
}
