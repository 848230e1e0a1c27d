package org.herd.fleet;

import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Cuts a byte stream that arrives in arbitrary chunks into lines at {@code \n}, as ClusterShell
 * does: a carriage return stays part of the line, and a last line without a terminator is still a
 * line. Not thread-safe: one splitter per stream of one host.
 */
final class LineSplitter {

  private final StreamKind stream;
  private final Consumer<OutputLine> sink;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  LineSplitter(StreamKind stream, Consumer<OutputLine> sink) {
    this.stream = stream;
    this.sink = sink;
  }

  /** Accepts the next chunk and emits every line it completes. */
  void accept(byte[] chunk, int offset, int length) {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (chunk[i] == '\n') {
        pending.write(chunk, start, i - start);
        emit();
        start = i + 1;
      }
    }
    pending.write(chunk, start, end - start);
  }

  /** Emits the last line when the stream ended without a terminator. */
  void finish() {
    if (pending.size() > 0) {
      emit();
    }
  }

  private void emit() {
    sink.accept(new OutputLine(stream, pending.toByteArray()));
    pending.reset();
  }
}
