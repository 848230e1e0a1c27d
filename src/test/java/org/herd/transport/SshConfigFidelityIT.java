package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One ssh_config and one endpoint give the same connection through both remote transports: the
 * endpoint's ssh options and identity file come first (its Port and User win over the file's), a
 * {@code Match} on the user they set picks the proxy, and the first of ProxyJump and ProxyCommand
 * given wins.
 */
class SshConfigFidelityIT extends BastionFixture {

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource({"SSH, jump", "OPENSSH, jump", "SSH, command", "OPENSSH, command"})
  void bothTransportsConnectTheSameWay(TransportKind kind, String proxy) throws Exception {
    String name = "fidelity-" + kind + "-" + proxy;
    Path stranger = OpenSshServer.keygen(lab.dir.resolve("stranger-" + name), "ed25519", "");
    Path config =
        lab.config(
            name,
            String.join(
                "\n",
                "Host fidelity",
                "  HostName 127.0.0.1",
                "  Port 1",
                "  User nobody",
                "  IdentityFile " + stranger,
                "  IdentitiesOnly yes",
                "  UserKnownHostsFile " + lab.knownHosts,
                "  StrictHostKeyChecking yes",
                "  LogLevel ERROR",
                "Match originalhost fidelity user " + lab.target.user(),
                "  ProxyJump bastion",
                ""));
    List<String> options =
        proxy.equals("jump")
            ? List.of("Port=" + lab.target.port(), "User=" + lab.target.user())
            // A name only the ProxyCommand maps: had the Match's ProxyJump won, nothing resolves
            // it.
            : List.of(
                "ProxyCommand=" + lab.proxyCommand(name),
                "HostName=target.invalid",
                "Port=" + lab.target.port(),
                "User=" + lab.target.user());
    Endpoint endpoint =
        Endpoint.of("fidelity").withIdentityFile(lab.clientKey).withSshOptions(options);
    long before = lab.bastion.connectionCount();

    String seen;
    try (Transport transport = kind.create(options(config))) {
      seen =
          transport
              .open(endpoint)
              .run(
                  RemoteCommand.shell("id -un; echo \"$SSH_CONNECTION\" | cut -d' ' -f3,4"),
                  ExecOptions.defaults())
              .stdoutText();
    }

    assertThat(seen).isEqualTo(lab.target.user() + "\n127.0.0.1 " + lab.target.port() + "\n");
    assertThat(lab.bastion.connectionCount() - before).as(lab.bastion.log()).isEqualTo(1);
  }
}
