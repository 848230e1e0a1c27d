package org.herd.debian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellQuoteTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "libc6 | libc6",
        "1:2.3-4+deb12u1 | 1:2.3-4+deb12u1",
        "\"\" | ''",
        "a b | 'a b'",
        "it's | 'it'\\''s'",
        "$(id) | '$(id)'",
        "a=b | 'a=b'",
        "~root | '~root'",
      })
  void quotesWhatAShellWouldInterpret(String word, String quoted) {
    assertThat(ShellQuote.quote(word)).isEqualTo(quoted);
  }

  @org.junit.jupiter.api.Test
  void joinsWords() {
    assertThat(ShellQuote.command(List.of("sh", "-c", "echo 'x'")))
        .isEqualTo("sh -c 'echo '\\''x'\\'''");
  }
}
