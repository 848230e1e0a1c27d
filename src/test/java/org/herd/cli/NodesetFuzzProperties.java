package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Node sets as an operator types them, valid and not, through {@code herd nodeset -c} and {@code
 * -f}: a count or a fold, or one clean line and exit 2; huge ranges are counted and folded, never
 * expanded, within the hang guard.
 */
@AddLifecycleHook(FuzzTries.class)
class NodesetFuzzProperties {

  private static final String[] VALID = {
    "n[1-3],n5",
    "web[01-12]",
    "dc[1-2]n[1-3]",
    "a[1-10/2]!a5",
    "x-[1-3]-ib&x-[2-4]-ib",
    "rack[1-2]node[01-99]^rack1node[01-10]",
    "h[1-999999]",
    "a[1-3000]b[1-3000]"
  };

  private static final String[] TOKENS = {
    "n",
    "web",
    "db-",
    "x",
    "1",
    "01",
    "007",
    "9",
    "[",
    "]",
    "-",
    ",",
    "!",
    "&",
    "^",
    "/",
    "/0",
    "@",
    "@*",
    "@web",
    "@a:b",
    "*",
    ":",
    " ",
    "\t",
    "[1-3]",
    "[3-1]",
    "[01-1]",
    "[1-100000000]",
    "[1-99999999999999999999]",
    "[1-999999]",
    "[0-0]",
    "[]",
    "[,]",
    "[1,,2]",
    "[-]",
    "é"
  };

  @Property(tries = 100)
  void aNodeSetIsCountedAndFoldedOrRefusedCleanly(@ForAll("expressions") String expression) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      CliRunner.Result count = scratch.herd("nodeset", "-c", "--", expression);
      CliRunner.Result fold = scratch.herd("nodeset", "-f", "--", expression);
      Statistics.label("exit code").collect(count.exitCode());
      CleanRefusal.assertAcceptedOrRefused(count, Set.of(ExitCode.OK.code()));
      CleanRefusal.assertAcceptedOrRefused(fold, Set.of(ExitCode.OK.code()));
      assertThat(fold.exitCode())
          .as("-f and -c agree on %s", expression)
          .isEqualTo(count.exitCode());
      if (count.exitCode() == 0 && Long.parseLong(count.out().strip()) <= 10_000) {
        CleanRefusal.assertAcceptedOrRefused(
            scratch.herd("nodeset", "-e", "--", expression), Set.of(ExitCode.OK.code()));
      }
    }
  }

  @Property(tries = 20)
  void validNodeSetsAreAccepted(@ForAll("valid") String expression) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      CliRunner.Result count = scratch.herd("nodeset", "-c", "--", expression);
      assertThat(count.exitCode()).as(count.err()).isZero();
      assertThat(Long.parseLong(count.out().strip())).isPositive();
    }
  }

  @Provide
  Arbitrary<String> valid() {
    return Arbitraries.of(VALID);
  }

  @Provide
  Arbitrary<String> expressions() {
    Arbitrary<String> soup =
        Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(12).map(t -> String.join("", t));
    Arbitrary<String> mutated =
        Arbitraries.of(VALID)
            .flatMap(
                valid ->
                    Arbitraries.integers()
                        .between(0, valid.length())
                        .flatMap(
                            at ->
                                Arbitraries.of(TOKENS)
                                    .map(t -> valid.substring(0, at) + t + valid.substring(at))));
    Arbitrary<String> cut =
        Arbitraries.of(VALID)
            .flatMap(
                v -> Arbitraries.integers().between(0, v.length()).map(at -> v.substring(0, at)));
    Arbitrary<String> manyLarge =
        Arbitraries.integers()
            .between(2, 40)
            .map(
                terms ->
                    String.join(
                        ",",
                        java.util.stream.IntStream.range(0, terms)
                            .mapToObj(i -> "t" + (char) ('a' + i % 26) + i / 26 + "x[1-9999999]")
                            .toList()));
    return Arbitraries.frequencyOf(
        Tuple.of(8, soup), Tuple.of(8, mutated), Tuple.of(2, cut), Tuple.of(1, manyLarge));
  }
}
