package org.herd.transport;

/**
 * Opens {@link Session sessions} to hosts: the seam between herd and the way it reaches a machine.
 *
 * <p>Three implementations exist ({@link TransportKind}): {@code ssh} (Apache MINA SSHD,
 * in-process, the default), {@code openssh} (the system {@code ssh} binary with a ControlMaster per
 * host, for what MINA cannot do) and {@code local} (the machine herd runs on). Every one passes the
 * same contract test suite.
 *
 * <p>A transport is thread-safe: fan-out code calls {@link #open} from many threads at once. It
 * caches one session per endpoint for the life of the transport, so opening the same endpoint twice
 * returns the same connection; {@link #close()} closes every session it opened.
 */
public interface Transport extends AutoCloseable {

  /** Which implementation this is. */
  TransportKind kind();

  /**
   * Connects and authenticates to an endpoint, or returns the session already open for it.
   *
   * @param endpoint the host to reach; never null
   * @return an open session, shared by every caller that opens the same endpoint
   * @throws TransportException when the host cannot be reached, its host key is unknown or changed,
   *     or authentication fails; the exception's {@link TransportException#reason()} is the short
   *     text to show per host
   * @throws InterruptedException when the calling thread is interrupted while connecting
   */
  Session open(Endpoint endpoint) throws TransportException, InterruptedException;

  /** Closes every session and releases the transport's threads; idempotent. */
  @Override
  void close();
}
