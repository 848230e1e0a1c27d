package org.herd.transport;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A command running on a host.
 *
 * <p>Its {@link #result()} completes exactly once: normally with a {@link CommandResult} (any exit
 * code), or exceptionally with a {@link TransportException} (timed out, cancelled, disconnected,
 * become failed). Timeouts, cancellation and signals reach the command's whole process group on the
 * host, so nothing it started is left running.
 */
public interface Execution {

  /** The command as started. */
  RemoteCommand command();

  /**
   * The command's standard input when it was started with {@link Stdin#open()}: bytes written here
   * reach the command, and closing the stream sends end-of-file. With any other {@link Stdin} the
   * transport feeds stdin itself and this stream rejects writes.
   */
  OutputStream stdin();

  /**
   * Sends a signal to the command's process group. Does nothing once the command has ended.
   *
   * @throws TransportException when the signal cannot be delivered (connection lost)
   */
  void signal(Signal signal) throws TransportException, InterruptedException;

  /**
   * Stops the command (SIGKILL to its process group, then the channel is closed) and completes the
   * result with {@link TransportException.Cancelled}, unless it already completed. Never blocks for
   * long and never throws; safe to call from any thread, several times.
   */
  void cancel();

  /** The outcome, completed once the command ended and all its output was delivered. */
  CompletableFuture<CommandResult> result();

  /** Waits for the outcome; see {@link Session#run}. */
  default CommandResult await() throws TransportException, InterruptedException {
    try {
      return result().get();
    } catch (ExecutionException e) {
      throw TransportException.unwrap(e.getCause(), command());
    } catch (CancellationException e) {
      throw new TransportException.Cancelled(null, null);
    }
  }

  /**
   * Waits at most {@code wait} for the outcome (the command keeps running when this times out).
   *
   * @throws TimeoutException when the command is still running after {@code wait}
   */
  default CommandResult await(Duration wait)
      throws TransportException, InterruptedException, TimeoutException {
    try {
      return result().get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw TransportException.unwrap(e.getCause(), command());
    } catch (CancellationException e) {
      throw new TransportException.Cancelled(null, null);
    }
  }
}
