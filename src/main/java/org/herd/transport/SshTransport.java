package org.herd.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.signature.SignatureFactoriesManager;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ssh} transport: Apache MINA SSHD in-process, one authenticated connection per host for
 * the life of the transport, every command on its own exec channel.
 *
 * <p>One {@link SshClient} serves every host. Connecting follows ssh_config ({@link SshConfig},
 * refusing what it cannot honour), dials the host, its ProxyJump chain or its ProxyCommand ({@link
 * ProxyCommandBridge}), verifies the host key strictly ({@link SshHostKeys}), offers the
 * IdentityFiles ({@link SshIdentities}) and the agent's keys ({@link SshAgents}), and retries only
 * failures that may be transient (refused, timed out, dropped during the handshake). At most {@link
 * TransportOptions#maxConcurrentHandshakes()} handshakes are in flight, because MINA flushes
 * key-exchange output from one thread (apache/mina-sshd#647) and too many at once all time out.
 */
final class SshTransport implements Transport {
  private static final Logger log = LoggerFactory.getLogger(SshTransport.class);
  private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(30);

  private final TransportOptions options;
  private final TransportThreads threads = new TransportThreads("herd-ssh");
  private final KnownHosts knownHosts = new KnownHosts();
  private final SessionSettings lookup;
  private final SshIdentities identities;
  private final Semaphore handshakes;
  private final SshHostResolver resolver;
  private final Map<Endpoint, CompletableFuture<ManagedSession>> sessions =
      new ConcurrentHashMap<>();
  private final SshClient client;
  private final SshHostKeys hostKeys;
  private final AlgorithmPreferences.Available algorithms;
  private final Set<ProxyCommandBridge> proxies = ConcurrentHashMap.newKeySet();

  SshTransport(TransportOptions options) {
    this.options = options;
    this.handshakes = new Semaphore(options.maxConcurrentHandshakes());
    this.resolver = new SshHostResolver(options);
    this.lookup = resolver.sessions();
    this.identities = new SshIdentities(lookup, options.passphrases());
    hostKeys = new SshHostKeys(lookup, knownHosts, options.acceptNewHostKeys());
    client = SshClient.setUpDefaultClient();
    client.setKeyExchangeFactories(cheapKeyExchangeFirst(client.getKeyExchangeFactories()));
    client.setServerKeyVerifier(hostKeys);
    client.addSessionListener(hostKeys);
    client.addSessionListener(new AlgorithmPreferences(lookup));
    client.setKeyIdentityProvider(identities);
    client.setAgentFactory(new SshAgents(lookup, identities));
    client.setHostConfigEntryResolver(resolver);
    client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    // herd keeps connections for its whole run; keep-alives detect dead peers instead.
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    client.start();
    algorithms =
        new AlgorithmPreferences.Available(
            NamedResource.getNameList(client.getKeyExchangeFactories()),
            client.getCipherFactoriesNames(),
            client.getMacFactoriesNames(),
            NamedResource.getNameList(SignatureFactoriesManager.getSignatureFactories(client)));
  }

  @Override
  public TransportKind kind() {
    return TransportKind.SSH;
  }

  /**
   * MINA's default order, with sntrup761x25519 moved after curve25519. BouncyCastle's Java NTRU
   * Prime costs about 30 ms of CPU per handshake, more than everything else herd does for a host
   * together, and made a fan-out slower than clush (measured in docs/benchmarks-fanout.md).
   * mlkem768x25519, also post-quantum and cheap, stays first, so servers that offer it (OpenSSH 9.9
   * and later) still get a post-quantum exchange; OpenSSH 9.2 (Debian 12) servers get
   * curve25519-sha256, their default before 9.0.
   */
  static <T extends NamedResource> List<T> cheapKeyExchangeFirst(List<T> factories) {
    List<T> sntrup = new ArrayList<>();
    List<T> others = new ArrayList<>();
    for (T factory : factories) {
      (factory.getName().startsWith("sntrup761") ? sntrup : others).add(factory);
    }
    int afterCurve = others.size();
    for (int i = 0; i < others.size(); i++) {
      if (others.get(i).getName().startsWith("curve25519")) {
        afterCurve = i + 1;
      }
    }
    others.addAll(afterCurve, sntrup);
    return others;
  }

  @Override
  public Session open(Endpoint endpoint) throws TransportException, InterruptedException {
    while (true) {
      CompletableFuture<ManagedSession> mine = new CompletableFuture<>();
      CompletableFuture<ManagedSession> existing = sessions.putIfAbsent(endpoint, mine);
      if (existing == null) {
        try {
          ManagedSession session = connect(endpoint);
          mine.complete(session);
          return session;
        } catch (TransportException | InterruptedException | RuntimeException e) {
          sessions.remove(endpoint, mine);
          mine.completeExceptionally(e);
          throw e;
        }
      }
      try {
        ManagedSession session = existing.get();
        if (session.isOpen()) {
          return session;
        }
        sessions.remove(endpoint, existing);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TransportException failure) {
          throw failure;
        }
        throw new TransportException.Failed(
            endpoint.name(), "ssh failed", e.getCause().toString(), e.getCause());
      }
    }
  }

  private ManagedSession connect(Endpoint endpoint)
      throws TransportException, InterruptedException {
    SshConfig config = resolver.config(endpoint);
    HostSettings host = resolver.settings(endpoint, config);
    Optional<String> unsupported = AlgorithmPreferences.unsupported(host.algorithms(), algorithms);
    if (unsupported.isPresent()) {
      throw new TransportException.Failed(
          endpoint.name(), "bad ssh config", unsupported.get(), null);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        ClientSession session = handshake(host, config);
        log.debug("{}: connected to {} as {}", host.alias(), host.address(), host.user());
        return session(endpoint, session);
      } catch (TransportException failure) {
        boolean transientFailure =
            failure instanceof TransportException.ConnectionRefused
                || failure instanceof TransportException.ConnectTimedOut
                || failure instanceof TransportException.Disconnected;
        if (!transientFailure || attempt >= options.connectAttempts()) {
          throw failure;
        }
        log.debug("{}: attempt {} failed ({}), retrying", host.alias(), attempt, failure.reason());
        Thread.sleep(200L * attempt);
      }
    }
  }

  /**
   * One connection attempt: TCP connect (or the ProxyCommand), key exchange (host key check),
   * authentication. A ProxyCommand that ended is the failure reported, whatever MINA saw.
   */
  private ClientSession handshake(HostSettings host, SshConfig config)
      throws TransportException, InterruptedException {
    ProxyCommandBridge proxy =
        host.proxyCommand() == null
            ? null
            : ProxyCommandBridge.start(
                host.alias(), host.proxyCommand(), options.environment(), threads.workers());
    if (proxy == null) {
      return handshake(host, config, null);
    }
    proxies.add(proxy);
    try {
      ClientSession session = handshake(host, config, proxy);
      session.addCloseFutureListener(closed -> endProxy(proxy));
      return session;
    } catch (TransportException failure) {
      TransportException ended = proxy.failure(Duration.ofSeconds(1));
      endProxy(proxy);
      throw ended != null ? ended : failure;
    } catch (InterruptedException | RuntimeException e) {
      endProxy(proxy);
      throw e;
    }
  }

  /**
   * Ends a ProxyCommand off MINA's threads (it waits for the process), or here once closing. It
   * stays in {@link #proxies} until it has ended: {@link #close} ends those whose ending was still
   * queued when the workers stopped.
   */
  private void endProxy(ProxyCommandBridge proxy) {
    Runnable end =
        () -> {
          proxy.close();
          proxies.remove(proxy);
        };
    try {
      threads.workers().execute(end);
    } catch (RejectedExecutionException closing) {
      end.run();
    }
  }

  private ClientSession handshake(HostSettings host, SshConfig config, ProxyCommandBridge proxy)
      throws TransportException, InterruptedException {
    Duration timeout = host.connectTimeout();
    handshakes.acquire();
    ClientSession session = null;
    try {
      HostConfigEntry entry =
          proxy == null
              ? new HostConfigEntry(
                  host.alias(), host.hostName(), host.port(), host.user(), host.proxyJump())
              : new HostConfigEntry(
                  host.alias(),
                  proxy.address().getHostString(),
                  proxy.address().getPort(),
                  host.user());
      entry.setIdentitiesOnly(false);
      String dialled = proxy == null ? host.hostName() + ":" + host.port() : proxy.dialled();
      ConnectFuture connecting;
      try {
        connecting = client.connect(entry, SessionSettings.context(host, config, dialled), null);
      } catch (IOException e) {
        throw connectFailure(host, e, timeout);
      }
      int hops = host.proxyJump() == null ? 0 : host.proxyJump().split(",").length;
      if (!connecting.await(timeout.multipliedBy(hops + 1L))) {
        connecting.cancel();
        throw new TransportException.ConnectTimedOut(host.alias(), host.address(), timeout, null);
      }
      if (connecting.getException() != null) {
        throw connectFailure(host, connecting.getException(), timeout);
      }
      session = connecting.getSession();
      if (!host.serverAliveInterval().isZero()) {
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(session, host.serverAliveInterval());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(session, host.serverAliveCountMax());
      }
      Set<ClientSessionEvent> state =
          session.waitFor(
              EnumSet.of(ClientSessionEvent.WAIT_AUTH, ClientSessionEvent.CLOSED), timeout);
      TransportException refused = hostKeys.failure(session);
      if (refused != null) {
        throw refused;
      }
      if (state.contains(ClientSessionEvent.TIMEOUT)) {
        throw new TransportException.ConnectTimedOut(host.alias(), host.address(), timeout, null);
      }
      if (state.contains(ClientSessionEvent.CLOSED)) {
        throw new TransportException.Disconnected(
            host.alias(), "closed by " + host.address() + " during the handshake", null, null);
      }
      AuthFuture auth = session.auth();
      Duration authTimeout =
          timeout.compareTo(Duration.ofSeconds(30)) > 0 ? timeout : Duration.ofSeconds(30);
      if (!auth.await(authTimeout)) {
        throw new TransportException.ConnectTimedOut(
            host.alias(), host.address(), authTimeout, null);
      }
      if (!auth.isSuccess()) {
        refused = hostKeys.failure(session);
        if (refused != null) {
          throw refused;
        }
        if (!session.isOpen()
            && auth.getException() != null
            && !(auth.getException().getMessage() + "").contains("authentication methods")) {
          throw new TransportException.Disconnected(
              host.alias(),
              String.valueOf(auth.getException().getMessage()),
              null,
              auth.getException());
        }
        throw new TransportException.AuthFailed(
            host.alias(), host.user(), offered(host), auth.getException());
      }
      ClientSession ready = session;
      session = null;
      return ready;
    } catch (IOException e) {
      throw connectFailure(host, e, timeout);
    } finally {
      handshakes.release();
      if (session != null) {
        session.close(true);
      }
    }
  }

  private String offered(HostSettings host) {
    StringBuilder tried = new StringBuilder("the server accepted none of the keys offered (");
    List<Path> files = host.identityFiles().stream().filter(Files::isReadable).toList();
    tried.append(files.isEmpty() ? "no key files" : "key files " + files);
    if (host.identityAgent() != null && Files.exists(host.identityAgent())) {
      tried.append(", ssh-agent");
    }
    return tried.append(")").toString();
  }

  /** Names a failure to connect by its cause. */
  private static TransportException connectFailure(
      HostSettings host, Throwable error, Duration timeout) {
    if (error instanceof TransportException transport) {
      return transport;
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof ConnectException && message.contains("refused")) {
        return new TransportException.ConnectionRefused(host.alias(), host.address(), error);
      }
      if (cause instanceof SocketTimeoutException || message.contains("timed out")) {
        return new TransportException.ConnectTimedOut(host.alias(), host.address(), timeout, error);
      }
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return new TransportException.Failed(
            host.alias(), "could not resolve host", "cannot resolve " + host.hostName(), error);
      }
      if (cause instanceof NoRouteToHostException) {
        return new TransportException.Failed(
            host.alias(), "no route to host", "no route to " + host.address(), error);
      }
    }
    return new TransportException.Failed(
        host.alias(), "connect failed", host.address() + ": " + error.getMessage(), error);
  }

  private ManagedSession session(Endpoint endpoint, ClientSession session) {
    RawChannel.Opener opener =
        (wire, sink) -> {
          try {
            return SshChannel.open(session, wire, sink, CHANNEL_OPEN_TIMEOUT);
          } catch (IOException | RuntimeException e) {
            if (!session.isOpen()) {
              throw new TransportException.Disconnected(
                  endpoint.name(), "connection closed", null, e);
            }
            throw new TransportException.Failed(
                endpoint.name(), "channel refused", "cannot open a channel: " + e.getMessage(), e);
          }
        };
    ManagedSession.Connection connection =
        new ManagedSession.Connection() {
          @Override
          public boolean isOpen() {
            return session.isOpen() && !session.isClosing();
          }

          @Override
          public void close() {
            sessions.remove(endpoint);
            session.close(true);
          }
        };
    return new ManagedSession(
        endpoint, options, opener, connection, threads.scheduler(), threads.workers());
  }

  @Override
  public void close() {
    for (CompletableFuture<ManagedSession> session : sessions.values()) {
      session.thenAccept(ManagedSession::close);
    }
    sessions.clear();
    client.stop();
    threads.close();
    // After the workers stopped: an ending queued there (a session that closed just now) was
    // dropped with them, and its ProxyCommand would keep its connection to the proxy open.
    List.copyOf(proxies).forEach(ProxyCommandBridge::close);
    proxies.clear();
  }
}
