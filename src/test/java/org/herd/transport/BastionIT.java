package org.herd.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A target reached through a bastion by both remote transports, as OpenSSH reaches it: through a
 * ProxyCommand ({@code ssh -W}) under a name only the proxy can map to the target, and through a
 * ProxyJump. Every connection the proxy made ends when the transport closes.
 */
class BastionIT extends BastionFixture {

  private String whoAndWhere(Transport transport, String alias) throws Exception {
    return transport
        .open(Endpoint.of(alias))
        .run(
            RemoteCommand.shell("id -un; echo \"$SSH_CONNECTION\" | cut -d' ' -f4"),
            ExecOptions.defaults())
        .stdoutText();
  }

  @ParameterizedTest
  @EnumSource(names = {"SSH", "OPENSSH"})
  void reachesTheTargetThroughAProxyCommand(TransportKind kind) throws Exception {
    Path config =
        lab.config(
            "proxycommand-" + kind,
            lab.block(
                "target",
                "target.invalid",
                lab.target,
                "ProxyCommand " + lab.proxyCommand("proxycommand-" + kind)));
    assertReachedThroughOneBastionConnection(kind, config);
  }

  @ParameterizedTest
  @EnumSource(names = {"SSH", "OPENSSH"})
  void reachesTheTargetThroughAProxyJump(TransportKind kind) throws Exception {
    Path config =
        lab.config(
            "proxyjump-" + kind, lab.block("target", "127.0.0.1", lab.target, "ProxyJump bastion"));
    assertReachedThroughOneBastionConnection(kind, config);
  }

  /**
   * The target is reached under {@code config} as its own user and port, through one connection of
   * the bastion's, which ends when the transport closes.
   */
  private void assertReachedThroughOneBastionConnection(TransportKind kind, Path config)
      throws Exception {
    long before = lab.bastion.connectionCount();

    try (Transport transport = kind.create(options(config))) {
      assertThat(whoAndWhere(transport, "target"))
          .isEqualTo(lab.target.user() + "\n" + lab.target.port() + "\n");
    }

    List<String> throughBastion = lab.bastion.connectionPorts(before);
    assertThat(throughBastion).as(lab.bastion.log()).hasSize(1);
    lab.bastion.awaitClosed(throughBastion, Duration.ofSeconds(20));
  }

  /** Without the proxy, the name leads nowhere: the proxy is what reached the target. */
  @ParameterizedTest
  @EnumSource(names = {"SSH", "OPENSSH"})
  void theNameAloneReachesNothing(TransportKind kind) throws Exception {
    Path config =
        lab.config(
            "noproxy-" + kind,
            lab.block("target", "target.invalid", lab.target, "ProxyCommand none"));

    try (Transport transport = kind.create(options(config).withConnectAttempts(1))) {
      assertThatThrownBy(() -> transport.open(Endpoint.of("target")))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("target.invalid");
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"SSH"})
  void aProxyCommandThatFailsIsToldWithItsStderr(TransportKind kind) throws Exception {
    Path config =
        lab.config(
            "failing-" + kind,
            lab.block(
                "target",
                "target.invalid",
                lab.target,
                "ProxyCommand sh -c 'echo starting >&2; echo no route to %h >&2; exit 3'"));

    try (Transport transport = kind.create(options(config).withConnectAttempts(1))) {
      assertThatThrownBy(() -> transport.open(Endpoint.of("target")))
          .isInstanceOfSatisfying(
              TransportException.Failed.class,
              e -> {
                assertThat(e.reason()).isEqualTo("proxy command failed");
                assertThat(e.getMessage())
                    .startsWith(
                        "target: ProxyCommand exited with status 3: starting; no route to"
                            + " target.invalid (sh -c")
                    .doesNotContain("\n");
              });
    }
  }
}
