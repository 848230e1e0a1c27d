package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code -O FORMAT} as Python's {@code FORMAT % result}, for the formats it supports. */
class OutputFormatTest {

  @ParameterizedTest(name = "{0} % n1 = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          %s        | n1
          %s-ib     | n1-ib
          ssh://%s  | ssh://n1
          %s%%      | n1%
          %%%s%%%%  | %n1%%
          """)
  void theResultTakesThePlaceOfPercentS(String format, String printed) {
    assertThat(new OutputFormat(format).apply("n1")).isEqualTo(printed);
  }

  @ParameterizedTest(name = "-O {0} is refused")
  @CsvSource({"n", "%d", "%s%s", "%", "%s%", "%5s"})
  void formatsWithoutExactlyOnePercentSAreRefused(String format) {
    assertThatThrownBy(() -> new OutputFormat(format))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "-O "
                + format
                + ": the format takes one %s for the result (and %% for a percent sign)");
  }
}
