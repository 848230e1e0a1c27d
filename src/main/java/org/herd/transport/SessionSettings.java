package org.herd.transport;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Finds the {@link HostSettings} of a MINA session, for the parts MINA calls back (host-key
 * verification, identities, agent, key-exchange preferences).
 *
 * <p>A target session carries its settings in its connection context, with the address it dials
 * (its own, or the loopback end of its ProxyCommand). ProxyJump hops are created by MINA itself, so
 * their settings are remembered by address when the hop is resolved.
 */
final class SessionSettings {
  /** The connection-context key of a target session's settings. */
  static final AttributeKey<HostSettings> KEY = new AttributeKey<>();

  /** The connection-context key of the ssh_config the target was resolved with (for hops). */
  static final AttributeKey<SshConfig> CONFIG = new AttributeKey<>();

  /** The connection-context key of the {@code host:port} a target session dials. */
  static final AttributeKey<String> DIALLED = new AttributeKey<>();

  private final Map<String, HostSettings> hops = new ConcurrentHashMap<>();
  private final HostSettings fallback;

  SessionSettings(HostSettings fallback) {
    this.fallback = fallback;
  }

  /** The connection context for a target session that dials {@code dialled} ({@code host:port}). */
  static AttributeRepository context(HostSettings settings, SshConfig config, String dialled) {
    return AttributeRepository.ofAttributesMap(
        Map.of(KEY, settings, CONFIG, config, DIALLED, dialled));
  }

  /** Remembers the settings of a ProxyJump hop. */
  void rememberHop(HostSettings settings) {
    hops.put(settings.hostName() + ":" + settings.port(), settings);
  }

  /** The settings of {@code session}; never null (falls back to defaults for unknown hops). */
  HostSettings of(Session session) {
    if (session instanceof ClientSession client) {
      String address = addressKey(client.getConnectAddress());
      AttributeRepository context = client.getConnectionContext();
      HostSettings own = context == null ? null : context.getAttribute(KEY);
      // A hop may share its target's context: trust the context only for the target's address.
      if (own != null && (address == null || address.equals(context.getAttribute(DIALLED)))) {
        return own;
      }
      HostSettings hop = address == null ? null : hops.get(address);
      if (hop != null) {
        return hop;
      }
      if (own != null) {
        return own;
      }
    }
    return fallback;
  }

  private static String addressKey(SocketAddress address) {
    if (address instanceof SshdSocketAddress sshd) {
      return sshd.getHostName() + ":" + sshd.getPort();
    }
    if (address instanceof InetSocketAddress inet) {
      return inet.getHostString() + ":" + inet.getPort();
    }
    return null;
  }
}
