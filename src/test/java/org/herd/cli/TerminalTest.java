package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {

  @Test
  void paintsOnlyWhenColourIsOn() {
    assertThat(new Terminal(true, true).paint("31", "failed"))
        .isEqualTo("\u001b[31mfailed\u001b[0m");
    assertThat(new Terminal(true, false).paint("31", "failed")).isEqualTo("failed");
  }

  @Test
  void noColourWithoutATerminal() {
    // Tests run with output redirected, so there is no console: never colour.
    assertThat(Terminal.detect(java.util.Map.of()).colour()).isFalse();
  }
}
