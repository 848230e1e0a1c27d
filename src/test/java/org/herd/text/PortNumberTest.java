package org.herd.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortNumberTest {

  @ParameterizedTest
  @CsvSource({
    "22, 22",
    "1, 1",
    "65535, 65535",
    "02222, 2222",
    "0, -1",
    "65536, -1",
    "99999, -1",
    "123456, -1",
    "-22, -1",
    "+22, -1",
    "abc, -1",
    "2 2, -1",
    "'', -1"
  })
  void aPortIsADecimalNumberFrom1To65535(String text, int port) {
    assertThat(PortNumber.parse(text))
        .isEqualTo(port < 0 ? OptionalInt.empty() : OptionalInt.of(port));
  }
}
