package org.herd.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountOrPercentTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "1 | 1 | false | 1",
        "0 | 0 | false | 0",
        "\" 3 \" | 3 | false | 3",
        "25% | 25 | true | 25%",
        "\"25 %\" | 25 | true | 25%",
        "100% | 100 | true | 100%",
        "0% | 0 | true | 0%",
      })
  void readsACountOrAPercentage(String text, int value, boolean percent, String written) {
    CountOrPercent parsed = CountOrPercent.parse(text).orElseThrow();
    assertThat(parsed).isEqualTo(new CountOrPercent(value, percent));
    assertThat(parsed).hasToString(written);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "%", "-1", "101%", "1.5", "3 hosts", "1234567890", "two"})
  void refusesAnythingElse(String text) {
    assertThat(CountOrPercent.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({"0, false", "0%, false", "1, true", "1%, true"})
  void knowsWhetherItAllowsAnything(String text, boolean atLeastOne) {
    assertThat(CountOrPercent.parse(text).orElseThrow().atLeastOne()).isEqualTo(atLeastOne);
  }
}
