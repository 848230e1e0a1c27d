package org.herd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;
import org.herd.recipe.RecipeCatalog;

/**
 * Malformed recipes (the built-ins and a user recipe with every key, each broken once) through
 * {@code herd recipe check FILE}: still valid and accepted, or refused with exit 2 and one clean
 * {@code FILE:LINE:COL: message} line per problem; a breakage no reader may accept is refused.
 */
@AddLifecycleHook(FuzzTries.class)
class RecipeFuzzProperties {

  @Property(tries = 150)
  void aBrokenRecipeIsAcceptedOrRefusedCleanly(@ForAll("brokenRecipes") BrokenFile recipe) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("recipe.yaml", recipe.bytes());
      CliRunner.Result result = scratch.herd("recipe", "check", "recipe.yaml");
      Statistics.label("exit code").collect(result.exitCode());
      if (recipe.surelyBad()) {
        CleanRefusal.assertRefused(result);
      } else {
        CleanRefusal.assertAcceptedOrRefused(result, Set.of(ExitCode.OK.code()));
      }
    }
  }

  @Property(tries = 10)
  void everySeedIsAccepted(@ForAll("seeds") String recipe) {
    try (FuzzScratch scratch = FuzzScratch.create()) {
      scratch.write("recipe.yaml", recipe);
      CliRunner.Result result = scratch.herd("recipe", "check", "recipe.yaml");
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).startsWith("ok: recipe.yaml: recipe ");
    }
  }

  /**
   * A value of any kind at a key recipes know: in a check added to {@code ok-to-stop}, or as a
   * top-level key the seed does not have yet.
   */
  private static Arbitrary<BrokenFile> keyedValues(String seed) {
    Arbitrary<String> values = Arbitraries.of(FileBreakers.YAML_VALUES);
    Arbitrary<BrokenFile> inCheck =
        Combinators.combine(
                Arbitraries.of(
                    "command",
                    "tcp",
                    "http",
                    "exit",
                    "status",
                    "json",
                    "stdout-matches",
                    "body-matches",
                    "where",
                    "interval",
                    "stable-for",
                    "deadline",
                    "when",
                    "name"),
                values)
            .as(
                (key, value) -> {
                  String check = "  - {command: 'true', " + key + ": " + value + "}";
                  return BrokenFile.maybe(
                      "ok-to-stop check `" + check.strip() + "`",
                      seed.contains("\nok-to-stop:\n")
                          ? seed.replace("\nok-to-stop:\n", "\nok-to-stop:\n" + check + "\n")
                          : seed + "ok-to-stop:\n" + check + "\n");
                });
    List<String> absent =
        List.of(
                "description",
                "packages",
                "services",
                "budget",
                "drain",
                "undrain",
                "order",
                "finalize",
                "install",
                "in-turn")
            .stream()
            .filter(key -> !seed.contains("\n" + key + ":"))
            .toList();
    if (absent.isEmpty()) {
      return inCheck;
    }
    Arbitrary<BrokenFile> topLevel =
        Combinators.combine(Arbitraries.of(absent), values)
            .as(
                (key, value) ->
                    BrokenFile.maybe(key + ": " + value, seed + key + ": " + value + "\n"));
    return Arbitraries.oneOf(inCheck, topLevel);
  }

  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.of(FuzzSeeds.recipes());
  }

  @Provide
  Arbitrary<BrokenFile> brokenRecipes() {
    return Arbitraries.of(FuzzSeeds.recipes()).flatMap(RecipeFuzzProperties::breakings);
  }

  private static Arbitrary<BrokenFile> breakings(String seed) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, FileBreakers.yamlByHand(seed)),
        Tuple.of(4, keyedValues(seed)),
        Tuple.of(2, FileBreakers.yamlSurelyBad(seed)),
        Tuple.of(1, FileBreakers.notUtf8(seed)),
        Tuple.of(1, FileBreakers.nulBytes(seed, true)),
        Tuple.of(
            1,
            Arbitraries.of(
                BrokenFile.surely("empty", ""),
                BrokenFile.surely(
                    "larger than a recipe can be",
                    seed + "#" + "x".repeat((int) RecipeCatalog.MAX_BYTES) + "\n"))));
  }
}
