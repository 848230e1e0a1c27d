package org.herd.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.AttributeRepository;

/**
 * Turns endpoints and ProxyJump hops into {@link HostSettings} for the {@code ssh} transport: reads
 * each ssh_config file once, applies it, then the endpoint's own values. MINA calls it as its
 * {@link HostConfigEntryResolver} for the hops of a ProxyJump chain, resolved with the target's
 * config file.
 */
final class SshHostResolver implements HostConfigEntryResolver {
  private final TransportOptions options;
  private final Map<Path, SshConfig> configs = new ConcurrentHashMap<>();
  private final SessionSettings sessions;

  SshHostResolver(TransportOptions options) {
    this.options = options;
    this.sessions =
        new SessionSettings(
            SshConfig.empty()
                .settingsFor(
                    "*",
                    localUser(),
                    options.home(),
                    agentSocket(),
                    options.connectTimeout(),
                    options.keepAliveInterval()));
  }

  /** Where MINA's callbacks find the settings of a session. */
  SessionSettings sessions() {
    return sessions;
  }

  private String localUser() {
    return options.environment().getOrDefault("USER", System.getProperty("user.name"));
  }

  private Path agentSocket() {
    String socket = options.environment().get("SSH_AUTH_SOCK");
    return socket == null || socket.isEmpty() ? null : Path.of(socket);
  }

  /** The ssh_config of an endpoint (its own file, the transport's, or {@code ~/.ssh/config}). */
  SshConfig config(Endpoint endpoint) throws TransportException {
    Path file = endpoint.sshConfig() != null ? endpoint.sshConfig() : options.sshConfig();
    if (file == null) {
      file = options.home().resolve(".ssh/config");
    }
    try {
      return configs.computeIfAbsent(
          file,
          path -> {
            try {
              return SshConfig.load(path, options.home());
            } catch (IOException e) {
              throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
          });
    } catch (IllegalArgumentException e) {
      throw new TransportException.Failed(endpoint.name(), "bad ssh config", e.getMessage(), e);
    }
  }

  /** ssh_config applied to the endpoint, then the endpoint's own values. */
  HostSettings settings(Endpoint endpoint, SshConfig config) throws TransportException {
    try {
      return resolve(config, endpoint.name())
          .overriddenBy(
              endpoint.hostname(), endpoint.port(), endpoint.user(), endpoint.connectTimeout());
    } catch (IllegalArgumentException e) {
      throw new TransportException.Failed(endpoint.name(), "bad ssh config", e.getMessage(), e);
    }
  }

  private HostSettings resolve(SshConfig config, String alias) {
    return config.settingsFor(
        alias,
        localUser(),
        options.home(),
        agentSocket(),
        options.connectTimeout(),
        options.keepAliveInterval());
  }

  /** Resolves a ProxyJump hop ({@code [user@]host[:port]}) with the target's config. */
  @Override
  public HostConfigEntry resolveEffectiveHost(
      String host,
      int port,
      SocketAddress local,
      String username,
      String proxyJump,
      AttributeRepository context) {
    SshConfig config = context == null ? null : context.getAttribute(SessionSettings.CONFIG);
    HostSettings hop =
        resolve(config == null ? SshConfig.empty() : config, host)
            .overriddenBy(null, port, username, null);
    sessions.rememberHop(hop);
    HostConfigEntry entry =
        new HostConfigEntry(host, hop.hostName(), hop.port(), hop.user(), hop.proxyJump());
    entry.setIdentitiesOnly(false);
    return entry;
  }
}
