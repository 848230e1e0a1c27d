package org.herd.transport;

import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * What each transport implements: one command string run on the host, with raw stdin, stdout and
 * stderr. Everything above it (the pid/sudo protocol, caps, timeouts, signals) is shared by {@link
 * ManagedExecution}, so every transport behaves the same.
 */
interface RawChannel {

  /** Opens raw channels on one connection. */
  @FunctionalInterface
  interface Opener {
    /**
     * Starts {@code wireCommand} on the host; output goes to {@code sink} from transport threads,
     * never concurrently for the same stream.
     */
    RawChannel open(String wireCommand, Sink sink) throws TransportException;
  }

  /** Receives raw output. */
  interface Sink {
    void stdout(byte[] bytes, int offset, int length);

    void stderr(byte[] bytes, int offset, int length);
  }

  /**
   * How a raw channel ended.
   *
   * @param exitCode the exit status (shell style, {@code 128+n} for a signal), or -1 when unknown
   * @param signal the signal reported by the transport, or null
   * @param lostDetail null when the command ended normally; otherwise why the connection went away
   */
  record Exit(int exitCode, Signal signal, String lostDetail) {
    static Exit exited(int code) {
      return new Exit(code, null, null);
    }

    static Exit lost(String detail) {
      return new Exit(-1, null, detail);
    }
  }

  /** The command's stdin; closing it sends end-of-file. */
  OutputStream stdin();

  /** Completes when the command ended and all its output went to the sink. */
  CompletableFuture<Exit> exit();

  /** Closes the channel at once (the exit then completes, as lost unless already done). */
  void close();
}
