package org.herd.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.AttributeRepository;

/**
 * Turns endpoints and ProxyJump hops into {@link HostSettings} for the {@code ssh} transport: reads
 * each ssh_config file once and applies it after the endpoint's own values and ssh options, which
 * come first as {@code ssh -o} options do. MINA calls it as its {@link HostConfigEntryResolver} for
 * the hops of a ProxyJump chain, resolved with the target's config file.
 */
final class SshHostResolver implements HostConfigEntryResolver {
  private final TransportOptions options;
  private final Map<Path, SshConfig> configs = new ConcurrentHashMap<>();
  private final SessionSettings sessions;

  SshHostResolver(TransportOptions options) {
    this.options = options;
    this.sessions = new SessionSettings(SshConfig.empty().settingsFor("*", List.of(), local()));
  }

  private HostSettingsReader.Local local() {
    return new HostSettingsReader.Local(
        localUser(),
        options.home(),
        agentSocket(),
        options.connectTimeout(),
        options.keepAliveInterval());
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

  /**
   * The endpoint's ssh options, identity file and values, then ssh_config, applied to the endpoint;
   * the hops of its ProxyJump are resolved too, so that what they cannot do is told now.
   */
  HostSettings settings(Endpoint endpoint, SshConfig config) throws TransportException {
    try {
      HostSettings host = config.settingsFor(endpoint.name(), commandLine(endpoint), local());
      checkHops(host, config, 0);
      return endpoint.connectTimeout() == null
          ? host
          : host.withConnectTimeout(endpoint.connectTimeout());
    } catch (IllegalArgumentException e) {
      throw new TransportException.Failed(endpoint.name(), "bad ssh config", e.getMessage(), e);
    }
  }

  /** What the endpoint says, as the options {@code ssh -o … -i … -o HostName=… -p … -l …} give. */
  static List<SshConfig.Option> commandLine(Endpoint endpoint) {
    List<SshConfig.Option> options = new ArrayList<>();
    for (String option : endpoint.sshOptions()) {
      options.add(SshConfig.option(option, "ssh option '" + option + "'"));
    }
    if (endpoint.identityFile() != null) {
      options.add(
          SshConfig.option(
              "IdentityFile \"" + endpoint.identityFile() + "\"",
              "identity file " + endpoint.identityFile()));
    }
    if (endpoint.hostname() != null) {
      options.add(SshConfig.option("HostName=" + endpoint.hostname(), "the host's address"));
    }
    if (endpoint.port() != 0) {
      options.add(SshConfig.option("Port=" + endpoint.port(), "the host's port"));
    }
    if (endpoint.user() != null) {
      options.add(SshConfig.option("User=" + endpoint.user(), "the host's user"));
    }
    return options;
  }

  /** Resolves every hop of {@code host}'s ProxyJump, refusing a hop MINA cannot reach as told. */
  private void checkHops(HostSettings host, SshConfig config, int depth) {
    if (host.proxyJump() == null) {
      return;
    }
    if (depth > MAX_HOPS) {
      throw new IllegalArgumentException("ProxyJump: more than " + MAX_HOPS + " hops");
    }
    for (String spec : host.proxyJump().split(",")) {
      Jump jump = Jump.parse(spec.strip());
      HostSettings hop = resolveHop(config, jump.host(), jump.port(), jump.user());
      if (hop.proxyCommand() != null) {
        throw new IllegalArgumentException(
            "ProxyJump hop "
                + jump.host()
                + " has a ProxyCommand, which the ssh transport cannot run for a hop; use"
                + " --transport openssh");
      }
      checkHops(hop, config, depth + 1);
    }
  }

  private static final int MAX_HOPS = 8;

  /** One hop of a ProxyJump list: {@code [ssh://][user@]host[:port]}, IPv6 in brackets. */
  private record Jump(String user, String host, int port) {
    static Jump parse(String spec) {
      String rest = spec.startsWith("ssh://") ? spec.substring("ssh://".length()) : spec;
      int at = rest.lastIndexOf('@');
      String user = at < 0 ? null : rest.substring(0, at);
      rest = rest.substring(at + 1);
      String host = rest;
      String port = null;
      int colon = rest.indexOf(':');
      if (rest.startsWith("[") && rest.indexOf(']') > 0) {
        host = rest.substring(1, rest.indexOf(']'));
        String after = rest.substring(rest.indexOf(']') + 1);
        port = after.startsWith(":") ? after.substring(1) : null;
      } else if (colon >= 0 && colon == rest.lastIndexOf(':')) {
        host = rest.substring(0, colon);
        port = rest.substring(colon + 1);
      }
      if (host.isEmpty() || (port != null && !port.matches("[0-9]{1,5}"))) {
        throw new IllegalArgumentException("ProxyJump " + spec + ": expected [user@]host[:port]");
      }
      return new Jump(user, host, port == null ? 0 : Integer.parseInt(port));
    }
  }

  /** A hop's settings: its {@code user@} and {@code :port} first, then the target's config. */
  private HostSettings resolveHop(SshConfig config, String host, int port, String user) {
    List<SshConfig.Option> given = new ArrayList<>();
    if (port > 0) {
      given.add(SshConfig.option("Port=" + port, "ProxyJump " + host));
    }
    if (user != null && !user.isEmpty()) {
      given.add(SshConfig.option("User=" + user, "ProxyJump " + host));
    }
    return config.settingsFor(host, given, local());
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
        resolveHop(config == null ? SshConfig.empty() : config, host, port, username);
    sessions.rememberHop(hop);
    HostConfigEntry entry =
        new HostConfigEntry(host, hop.hostName(), hop.port(), hop.user(), hop.proxyJump());
    entry.setIdentitiesOnly(false);
    return entry;
  }
}
