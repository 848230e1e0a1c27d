package org.herd.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {

  private static final List<String> KEYS =
      List.of("address", "user", "port", "transport", "become", "ssh_config", "vars");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "prot,       port",
    "usr,        user",
    "users,      user",
    "tranport,   transport",
    "ssh_conf,   ssh_config",
    "ssh-config, ssh_config",
    "Become,     become",
    "adress,     address",
  })
  void suggestsTheClosestKey(String typo, String suggestion) {
    assertThat(DidYouMean.closest(typo, KEYS)).contains(suggestion);
  }

  @ParameterizedTest
  @CsvSource({"x", "hostname_or_ip", "colour", "ab"})
  void staysQuietWhenNothingIsClose(String word) {
    assertThat(DidYouMean.closest(word, KEYS)).isEmpty();
  }
}
