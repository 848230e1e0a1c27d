package org.herd.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One line of a host's output, without its line terminator. Bytes, not text: remote output may be
 * in any encoding or binary, and herd passes it on unchanged.
 *
 * @param stream the stream it was written to
 * @param bytes the line's bytes (never modified after construction)
 */
public record OutputLine(StreamKind stream, byte[] bytes) {

  public OutputLine {
    Objects.requireNonNull(stream);
    Objects.requireNonNull(bytes);
  }

  /** A line of text, for tests and local messages. */
  public static OutputLine of(StreamKind stream, String text) {
    return new OutputLine(stream, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The line decoded as UTF-8, with invalid bytes replaced. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutputLine line
        && stream == line.stream
        && Arrays.equals(bytes, line.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * stream.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return stream + ":" + text();
  }
}
