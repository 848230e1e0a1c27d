package org.herd.transport;

import java.io.ByteArrayOutputStream;

/** Keeps the first {@code limit} bytes of a stream and remembers whether more came. */
final class CappedBuffer {
  private final long limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private boolean truncated;

  CappedBuffer(long limit) {
    this.limit = limit;
  }

  void append(byte[] data, int offset, int length) {
    long room = limit - bytes.size();
    if (length > room) {
      truncated = true;
    }
    int keep = (int) Math.min(length, Math.max(0, room));
    bytes.write(data, offset, keep);
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }

  boolean truncated() {
    return truncated;
  }
}
