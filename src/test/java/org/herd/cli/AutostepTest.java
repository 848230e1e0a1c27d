package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.herd.nodeset.NodeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --autostep} values as ClusterShell's nodeset reads them. */
class AutostepTest {

  @ParameterizedTest(name = "--autostep={0} for {1} nodes: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          4      | 10 | 4
          1      | 10 | 1
          0      | 10 | 0
          auto   | 10 | 10
          auto   | 2  | 3
          auto   | 0  | 3
          50%    | 10 | 5
          50%    | 7  | 4
          12.5%  | 10 | 2
          100%   | 3  | 3
          0%     | 5  | 0
          """)
  void thresholdsAreClusterShells(String value, int size, int threshold) {
    assertThat(Autostep.parse(value).threshold(size)).isEqualTo(threshold);
  }

  @Test
  void onlyACountAppliesWhileTheSetIsComputed() {
    assertThat(Autostep.parse("4").whileComputing()).isEqualTo(4);
    assertThat(Autostep.parse("auto").whileComputing()).isEqualTo(NodeSet.NO_AUTOSTEP);
    assertThat(Autostep.parse("50%").whileComputing()).isEqualTo(NodeSet.NO_AUTOSTEP);
    assertThat(Autostep.NONE.threshold(5)).isEqualTo(NodeSet.NO_AUTOSTEP);
  }

  @ParameterizedTest(name = "--autostep={0} is refused")
  @CsvSource({"x", "''", "4.5", "%", "abc%", "nan%", "Auto"})
  void anythingElseIsRefused(String value) {
    assertThatThrownBy(() -> Autostep.parse(value))
        .isInstanceOf(UserError.class)
        .hasMessage(
            "--autostep: expected a node count, a percentage or 'auto', got '" + value + "'");
  }
}
