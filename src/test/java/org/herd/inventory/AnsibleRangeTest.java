package org.herd.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnsibleRangeTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "web1                 | web1",
        "web[1:3]             | web1 web2 web3",
        "web[01:03]           | web01 web02 web03",
        "web[08:11].example   | web08.example web09.example web10.example web11.example",
        "db-[a:c]             | db-a db-b db-c",
        "db-[y:B]             | db-y db-z db-A db-B",
        "n[1:9:4]             | n1 n5 n9",
        "n[:2]                | n0 n1 n2",
        "r[1:2]n[a:b]         | r1na r1nb r2na r2nb",
        "n[8:12]              | n8 n9 n10 n11 n12",
      })
  void expandsAsAnsibleDoes(String pattern, String expected) throws Exception {
    assertThat(AnsibleRange.expand(pattern)).isEqualTo(Arrays.asList(expected.split(" ")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "web[1-3]    | host range `[1-3]` must be [begin:end] or [begin:end:step]",
        "web[01:100] | host range `[01:100]`: a zero-padded begin needs an end of the same width",
        "web[5:1]    | host range `[5:1]` must have begin <= end",
        "web[1:]     | host range `[1:]` has no end",
        "web[1:3     | host range `[1:3` has no closing `]`",
        "web[1:x]    | host range `[1:x]`: `x` is neither a number nor a letter",
        "web[1:4:0]  | host range `[1:4:0]` needs a step of at least 1",
      })
  void rejectsWhatAnsibleRejects(String pattern, String message) {
    assertThatThrownBy(() -> AnsibleRange.expand(pattern))
        .isInstanceOf(AnsibleRange.RangeException.class)
        .hasMessage(message);
  }

  @org.junit.jupiter.api.Test
  void aRangeOfOneIsOneHost() throws Exception {
    assertThat(AnsibleRange.expand("x[7:7]")).isEqualTo(List.of("x7"));
  }
}
