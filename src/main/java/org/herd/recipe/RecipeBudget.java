package org.herd.recipe;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recipe's default disruption budget, with the rules of the inventory's budgets: a count of
 * members ({@code 1}) or a percentage of the cluster ({@code 25%}). A cluster's own budget in the
 * inventory wins over it.
 *
 * @param value the count (≥ 1) or the percentage (1–100)
 * @param percent whether {@code value} is a percentage
 */
public record RecipeBudget(int value, boolean percent) {

  /** One member at a time. */
  public static final RecipeBudget ONE = new RecipeBudget(1, false);

  private static final Pattern FORM = Pattern.compile("\\s*([0-9]{1,9})\\s*(%?)\\s*");

  /** Parses {@code 2} or {@code 25%}; empty when the text is neither. */
  public static Optional<RecipeBudget> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(m.group(1));
    boolean percent = !m.group(2).isEmpty();
    if (percent ? n < 1 || n > 100 : n < 1) {
      return Optional.empty();
    }
    return Optional.of(new RecipeBudget(n, percent));
  }

  @Override
  public String toString() {
    return value + (percent ? "%" : "");
  }
}
