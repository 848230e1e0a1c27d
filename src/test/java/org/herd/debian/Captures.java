package org.herd.debian;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the captured tool outputs under {@code src/test/resources/org/herd/debian/captures}. */
public final class Captures {

  private Captures() {}

  /** The capture at {@code path}, relative to the captures directory (see its README.md). */
  public static String read(String path) {
    String resource = "/org/herd/debian/captures/" + path;
    try (InputStream in = Captures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
