package org.herd.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackHostCheckTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1:8080       | true",
        "127.0.0.1            | true",
        "localhost:8080       | true",
        "LOCALHOST            | true",
        "[::1]:8080           | true",
        "[::1]                | true",
        "evil.example:8080    | false",
        "127.0.0.1.evil.example | false",
        "localhost.:8080      | false",
        "127.0.0.1:           | false",
        "127.0.0.1:80x        | false",
        "''                   | false",
      })
  void onlyLoopbackNamesAreServed(String host, boolean allowed) {
    assertThat(LoopbackHostCheck.allowed(host)).isEqualTo(allowed);
  }
}
