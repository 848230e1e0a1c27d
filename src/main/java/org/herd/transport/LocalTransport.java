package org.herd.transport;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code local} transport: commands run on the machine herd runs on, through {@code /bin/sh},
 * with the same protocol, caps, signals and copies as the remote transports.
 *
 * <p>Each command starts as {@code setsid -w /bin/sh -c WIRE}: {@code setsid} makes it a session
 * and process group leader, as sshd does for a remote command, so group signals reach its children
 * and never herd itself. The endpoint's address, port and user are ignored.
 */
final class LocalTransport implements Transport {
  private final TransportOptions options;
  private final TransportThreads threads = new TransportThreads("herd-local");
  private final Map<Endpoint, ManagedSession> sessions = new ConcurrentHashMap<>();

  LocalTransport(TransportOptions options) {
    this.options = options;
  }

  @Override
  public TransportKind kind() {
    return TransportKind.LOCAL;
  }

  @Override
  public Session open(Endpoint endpoint) {
    return sessions.computeIfAbsent(endpoint, this::newSession);
  }

  private ManagedSession newSession(Endpoint endpoint) {
    RawChannel.Opener opener =
        (wire, sink) -> {
          try {
            return ProcessChannel.start(
                List.of("setsid", "-w", "/bin/sh", "-c", wire),
                sink,
                threads.workers(),
                RawChannel.Exit::exited);
          } catch (IOException e) {
            throw new TransportException.Failed(
                endpoint.name(), "cannot start /bin/sh", e.getMessage(), e);
          }
        };
    ManagedSession.Connection connection =
        new ManagedSession.Connection() {
          private volatile boolean open = true;

          @Override
          public boolean isOpen() {
            return open;
          }

          @Override
          public void close() {
            open = false;
            sessions.remove(endpoint);
          }
        };
    return new ManagedSession(
        endpoint, options, opener, connection, threads.scheduler(), threads.workers());
  }

  @Override
  public void close() {
    sessions.values().forEach(ManagedSession::close);
    threads.close();
  }
}
