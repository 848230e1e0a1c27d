package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herd.Prerequisites.require;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

  @Test
  void runsCommandsThroughSudo() throws Exception {
    require(Files.isExecutable(Path.of("/usr/bin/sudo")), "needs sudo");
    require("root".equals(System.getProperty("user.name")), "needs root (NOPASSWD sudo)");

    CommandResult result =
        session()
            .run(
                RemoteCommand.of("printf", "%s:%s", "it's", "$USER"),
                ExecOptions.defaults().withBecome(Become.SUDO));
    CommandResult id =
        session().run(RemoteCommand.of("id", "-u"), ExecOptions.defaults().withBecome(Become.SUDO));

    assertThat(result.stdoutText()).isEqualTo("it's:$USER");
    assertThat(id.stdoutText()).isEqualTo("0\n");
    assertThat(id.stderr()).isEmpty();
  }
}
