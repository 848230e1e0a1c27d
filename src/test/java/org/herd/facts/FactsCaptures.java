package org.herd.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the probe outputs under {@code src/test/resources/org/herd/facts/captures}. */
final class FactsCaptures {

  private FactsCaptures() {}

  static String read(String name) {
    try (InputStream in =
        FactsCaptures.class.getResourceAsStream("/org/herd/facts/captures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no capture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
