package org.herd.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected outputs are those of Python's difflib.unified_diff, which clush --diff uses. */
class UnifiedDiffTest {

  private static List<String> lines(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text.split(",", -1));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a,b,c", "a,x,c", "@@ -1,3 +1,3 @@| a|-b|+x| c"),
        Arguments.of(
            "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15",
            "1,2,X,4,5,6,7,8,9,10,11,12,Y,14,15",
            "@@ -1,6 +1,6 @@| 1| 2|-3|+X| 4| 5| 6|@@ -10,6 +10,6 @@| 10| 11| 12|-13|+Y| 14| 15"),
        Arguments.of(
            "1,2,3,4,5,6,7,8,9,10",
            "1,2,X,4,5,6,7,8,Y,10",
            "@@ -1,10 +1,10 @@| 1| 2|-3|+X| 4| 5| 6| 7| 8|-9|+Y| 10"),
        Arguments.of("", "a,b", "@@ -0,0 +1,2 @@|+a|+b"),
        Arguments.of("a,b", "", "@@ -1,2 +0,0 @@|-a|-b"),
        Arguments.of("a,b,c,d", "a,c,d,e", "@@ -1,4 +1,4 @@| a|-b| c| d|+e"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesDifflib(String before, String after, String hunks) {
    List<String> expected = new ArrayList<>(List.of("--- A", "+++ B"));
    expected.addAll(Arrays.asList(hunks.split("\\|")));
    assertThat(UnifiedDiff.diff("A", lines(before), "B", lines(after))).isEqualTo(expected);
  }

  @Test
  void equalSidesGiveNoDiff() {
    assertThat(UnifiedDiff.diff("A", lines("a,b"), "B", lines("a,b"))).isEmpty();
  }

  @Test
  void hugeDifferencesFallBackToOneReplacement() {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (int i = 0; i < 3 * UnifiedDiff.MAX_EDITS; i++) {
      before.add("old " + i);
      after.add("new " + i);
    }
    List<String> diff = UnifiedDiff.diff("A", before, "B", after);
    assertThat(diff).hasSize(3 + before.size() + after.size());
    assertThat(diff.get(2)).isEqualTo("@@ -1,6000 +1,6000 @@");
  }
}
