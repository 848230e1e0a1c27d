package org.herd.transport;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one implementation of {@link Session}: commands through {@link ManagedExecution}, copies
 * through {@link TarCopy}, both over the transport's {@link RawChannel.Opener}.
 */
final class ManagedSession implements Session {

  /** What the transport provides besides channels: how to tell and end the connection. */
  interface Connection {
    boolean isOpen();

    void close();
  }

  private final Endpoint endpoint;
  private final TransportOptions options;
  private final RawChannel.Opener opener;
  private final Connection connection;
  private final ScheduledExecutorService scheduler;
  private final Executor workers;

  ManagedSession(
      Endpoint endpoint,
      TransportOptions options,
      RawChannel.Opener opener,
      Connection connection,
      ScheduledExecutorService scheduler,
      Executor workers) {
    this.endpoint = Objects.requireNonNull(endpoint);
    this.options = Objects.requireNonNull(options);
    this.opener = Objects.requireNonNull(opener);
    this.connection = Objects.requireNonNull(connection);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.workers = Objects.requireNonNull(workers);
  }

  @Override
  public Endpoint endpoint() {
    return endpoint;
  }

  TransportOptions options() {
    return options;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  Executor workers() {
    return workers;
  }

  @Override
  public Execution start(RemoteCommand command, ExecOptions options) throws TransportException {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(options, "options");
    if (!connection.isOpen()) {
      throw new TransportException.Disconnected(endpoint.name(), "session closed", null, null);
    }
    return ManagedExecution.start(this, opener, command, options, true);
  }

  /** Runs one of herd's own {@code kill} commands, which is never killed in turn. */
  CommandResult runKill(RemoteCommand command, ExecOptions options)
      throws TransportException, InterruptedException {
    return ManagedExecution.start(this, opener, command, options, false).await();
  }

  @Override
  public void upload(Path local, String remotePath, boolean preserve)
      throws TransportException, InterruptedException {
    TarCopy.upload(this, local, remotePath, preserve);
  }

  @Override
  public void download(String remotePath, Path localTarget, boolean preserve)
      throws TransportException, InterruptedException {
    TarCopy.download(this, remotePath, localTarget, preserve);
  }

  @Override
  public boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "Session[" + endpoint.name() + "]";
  }
}
