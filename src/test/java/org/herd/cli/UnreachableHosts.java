package org.herd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hosts {@code a} and {@code b} on loopback port 1, where a connection is refused at once: for the
 * tests of the commands that reach hosts, which must reach nothing past loopback.
 */
final class UnreachableHosts {

  /** The inventory of the two hosts. */
  static final String INVENTORY =
      "hosts:\n  a: {address: 127.0.0.1, port: 1}\n  b: {address: 127.0.0.1, port: 1}\n";

  private UnreachableHosts() {}

  /**
   * herd in {@code dir} with {@link #INVENTORY} as its inventory ({@code herd.yaml}), and its home
   * and journal in {@code dir} too.
   */
  static CliRunner runner(Path dir) throws IOException {
    Files.writeString(dir.resolve("herd.yaml"), INVENTORY);
    return new CliRunner(
        dir,
        Map.of(
            "HOME",
            dir.toString(),
            "HERD_INVENTORY",
            dir.resolve("herd.yaml").toString(),
            "HERD_JOURNAL",
            dir.resolve("journal.db").toString()));
  }
}
