package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herd status}'s input errors, which fail before any host is contacted. */
class StatusCommandTest {

  @TempDir Path dir;

  private CliRunner.Result herd(String... args) {
    return new CliRunner(dir, Map.of("HOME", dir.toString())).run(args);
  }

  @Test
  void everyHostWithoutAnInventoryIsABadInput() {
    CliRunner.Result result =
        herd("status", "--transport", "local", "--journal", dir.resolve("j.db").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("herd: ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aFanoutBelowOneIsRefused() {
    CliRunner.Result result = herd("status", "--transport", "local", "-f", "0", "n1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("herd: --fanout: must be at least 1, not 0\n");
  }
}
