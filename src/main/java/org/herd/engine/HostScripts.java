package org.herd.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The POSIX sh scripts the engine runs on hosts, kept as resources next to this class so that
 * shellcheck reads exactly what runs. They are passed as {@code sh -c SCRIPT NAME ARGS...}, every
 * argument quoted by {@link org.herd.transport.RemoteCommand#of}, so nothing is spliced into them.
 */
final class HostScripts {

  private HostScripts() {}

  /** The text of resource {@code name} of this package. */
  static String load(String name) {
    try (InputStream in = HostScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/herd/engine/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
