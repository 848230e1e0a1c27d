package org.herd.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellWordsTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "libc6 | libc6",
        "/etc/apt/sources.list | /etc/apt/sources.list",
        "Dpkg::Options::=--force-confold | Dpkg::Options::=--force-confold",
        "$HOME | '$HOME'",
        "1:2.3-4+deb12u1 | 1:2.3-4+deb12u1",
        "pkg=1.0-2+deb12u1 | pkg=1.0-2+deb12u1",
        "\"\" | ''",
        "a b | 'a b'",
        "it's | 'it'\\''s'",
        "$(id) | '$(id)'",
        "~root | '~root'",
        "*.deb | '*.deb'",
        "été | 'été'",
      })
  void quotesWhatAShellWouldInterpret(String word, String quoted) {
    assertThat(ShellWords.quote(word)).isEqualTo(quoted);
  }

  @Test
  void quotesTheEmptyWord() {
    assertThat(ShellWords.quote("")).isEqualTo("''");
  }

  @Test
  void joinsWords() {
    assertThat(ShellWords.command(List.of("sh", "-c", "echo 'x'")))
        .isEqualTo("sh -c 'echo '\\''x'\\'''");
  }

  @Test
  void refusesNul() {
    assertThatThrownBy(() -> ShellWords.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
  }
}
