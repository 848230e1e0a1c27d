package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisruptionBudgetTest {

  @ParameterizedTest(name = "{0} of {1} -> {2}")
  @CsvSource({
    "1,    3,  1",
    "2,    3,  2",
    "5,    3,  3",
    "25%,  20, 5",
    "30%,  20, 6",
    "25%,  3,  1",
    "10%,  1,  1",
    "50%,  5,  2",
    "100%, 7,  7",
    "1%,   0,  0",
  })
  void allowsThisManyMembersAtOnce(String budget, int size, int allowed) {
    assertThat(DisruptionBudget.parse(budget).orElseThrow().allowed(size)).isEqualTo(allowed);
  }

  @ParameterizedTest
  @CsvSource({"0", "0%", "101%", "-1", "abc", "1.5", "%", "''"})
  void rejectsBudgetsThatAreNotACountOrAPercentage(String text) {
    assertThat(DisruptionBudget.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1", "3", "25%", "100%"})
  void printsAsWritten(String text) {
    assertThat(DisruptionBudget.parse(text).orElseThrow()).hasToString(text);
  }
}
