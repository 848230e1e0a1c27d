package org.herd.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the tail of a followed log (what a step's output shows) and the offset reached in it (where
 * following resumes after a dropped connection, so nothing is lost or repeated).
 */
final class LogTail implements LogSink {

  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private long offset;

  /** Keeps the last {@code limit} bytes. */
  LogTail(int limit) {
    this.limit = limit;
  }

  @Override
  public synchronized void accept(long at, byte[] chunk, int from, int length) {
    bytes.write(chunk, from, length);
    offset = at + length;
    if (bytes.size() > 2 * limit) {
      byte[] all = bytes.toByteArray();
      bytes.reset();
      bytes.write(all, all.length - limit, limit);
    }
  }

  /** Where in the log the next byte is. */
  synchronized long offset() {
    return offset;
  }

  /** The last {@code limit} bytes seen, as text. */
  synchronized String text() {
    byte[] all = bytes.toByteArray();
    int from = Math.max(0, all.length - limit);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }
}
