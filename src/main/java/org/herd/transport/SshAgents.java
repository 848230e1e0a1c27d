package org.herd.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives MINA an {@link AgentClient} for each authentication, on the host's agent socket ({@code
 * IdentityAgent}, by default {@code SSH_AUTH_SOCK}). herd never forwards the agent.
 */
final class SshAgents implements SshAgentFactory {
  private static final Logger log = LoggerFactory.getLogger(SshAgents.class);

  private final SessionSettings settings;
  private final SshIdentities identities;

  SshAgents(SessionSettings settings, SshIdentities identities) {
    this.settings = settings;
    this.identities = identities;
  }

  @Override
  public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
    // MINA insists on at least one; this one refuses every agent channel a server might open.
    return List.of(new NoForwarding());
  }

  @Override
  public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
    HostSettings host = settings.of(session);
    if (host.identityAgent() == null || !Files.exists(host.identityAgent())) {
      return null;
    }
    try {
      return AgentClient.connect(
          host.identityAgent(),
          key -> !host.identitiesOnly() || identities.isIdentityFileKey(host, key));
    } catch (IOException e) {
      log.debug(
          "{}: ssh-agent at {} unusable: {}", host.alias(), host.identityAgent(), e.toString());
      return null;
    }
  }

  @Override
  public SshAgentServer createServer(ConnectionService service) throws IOException {
    throw new IOException("herd does not forward ssh-agent");
  }

  private static final class NoForwarding implements ChannelFactory {
    @Override
    public String getName() {
      return "auth-agent@openssh.com";
    }

    @Override
    public Channel createChannel(Session session) throws IOException {
      throw new IOException("agent forwarding is not enabled");
    }
  }
}
