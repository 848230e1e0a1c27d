package org.herd.transport;

/**
 * Receives a command's output as it arrives, for live {@code host: line} display. Gets every byte,
 * also beyond {@link ExecOptions#outputLimit()}, in order per stream; chunks are arbitrary (a line
 * may be split across calls, and bytes are not decoded).
 *
 * <p>Calls for one execution never overlap, but come from transport threads: keep them short and
 * never block (a slow listener slows the command, as SSH flow control pushes back). The array is
 * reused after the call returns, so copy what you keep.
 */
@FunctionalInterface
public interface OutputListener {

  /** Discards output. */
  OutputListener NONE = (stream, bytes, offset, length) -> {};

  /** Which of the command's streams a chunk comes from. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /** A chunk of output: {@code bytes[offset .. offset+length)}. */
  void output(Stream stream, byte[] bytes, int offset, int length);
}
