package org.herd.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ansible's batch rules for {@code serial}, pinned (anchors 1.3 and 3.1). */
class SerialTest {

  static Stream<Arguments> batches() {
    return Stream.of(
        // serial, hosts, batch sizes
        Arguments.of("3", 10, List.of(3, 3, 3, 1)),
        Arguments.of("30%", 20, List.of(6, 6, 6, 2)), // Ansible's documented example
        Arguments.of("1,5,10", 30, List.of(1, 5, 10, 10, 4)), // the last value repeats
        Arguments.of("[1, 5, \"20%\"]", 20, List.of(1, 5, 4, 4, 4, 2)), // mixed list
        Arguments.of("10%", 5, List.of(1, 1, 1, 1, 1)), // a percentage never gives 0
        Arguments.of("0", 7, List.of(7)), // 0: all hosts, as in Ansible
        Arguments.of("100%", 7, List.of(7)),
        Arguments.of("50", 7, List.of(7)),
        Arguments.of("2", 0, List.of()),
        Arguments.of("1", 3, List.of(1, 1, 1)),
        Arguments.of("2, 0", 5, List.of(2, 3))); // a 0 in a list takes the rest
  }

  @ParameterizedTest(name = "serial {0} over {1} hosts: {2}")
  @MethodSource
  void batches(String serial, int hosts, List<Integer> expected) {
    assertThat(Serial.parse(serial).batches(hosts)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "-1", "101%", "1,,2", "[1, 5", "1.5"})
  void rejectsWhatAnsibleWouldNotRead(String text) {
    assertThatThrownBy(() -> Serial.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--serial");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "30%", "1,5,20%"})
  void printsWhatItParses(String text) {
    assertThat(Serial.parse(text).toString()).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void withoutSerialEveryHostIsOneBatch() {
    assertThat(Serial.ALL.batches(12)).isEqualTo(List.of(12));
    assertThat(Arrays.asList(Serial.ALL.toString())).containsExactly("all");
  }
}
