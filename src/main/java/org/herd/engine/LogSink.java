package org.herd.engine;

/**
 * Receives a detached step's log as {@link DetachedCommand#follow} streams it. Bytes are not
 * decoded and chunks are arbitrary (a line may be split across calls).
 *
 * <p>{@code offset + length} after a call is where a later follow resumes without losing or
 * repeating a byte: record it (in memory, or in the journal) to re-attach after a dropped
 * connection. Calls never overlap; the array is reused after the call returns.
 */
@FunctionalInterface
public interface LogSink {

  /** Discards the log. */
  LogSink NONE = (offset, bytes, from, length) -> {};

  /**
   * A chunk of the log.
   *
   * @param offset the position in the log file of {@code bytes[from]}
   * @param bytes the buffer
   * @param from where the chunk starts in the buffer
   * @param length its length
   */
  void accept(long offset, byte[] bytes, int from, int length);
}
