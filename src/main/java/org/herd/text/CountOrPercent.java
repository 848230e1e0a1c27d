package org.herd.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way herd writes "how many": a count ({@code 3}) or a percentage of a whole ({@code 30%}),
 * as disruption budgets (inventory and recipes), {@code --serial} batches and {@code --max-fail}
 * spell it. Each user says what it allows beyond the form (a budget at least 1, a batch 0 or more).
 *
 * @param value the count (0 or more) or the percentage (0 to 100)
 * @param percent whether {@code value} is a percentage
 */
public record CountOrPercent(int value, boolean percent) {

  /** One. */
  public static final CountOrPercent ONE = new CountOrPercent(1, false);

  private static final Pattern FORM = Pattern.compile("\\s*([0-9]{1,9})\\s*(%?)\\s*");

  /** Rejects negative counts and percentages above 100. */
  public CountOrPercent {
    if (value < 0 || (percent && value > 100)) {
      throw new IllegalArgumentException(
          "expected a count (0 or more) or a percentage (0% to 100%), not " + value);
    }
  }

  /** Parses {@code 2} or {@code 25%} (blanks around allowed); empty when the text is neither. */
  public static Optional<CountOrPercent> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(m.group(1));
    boolean percent = !m.group(2).isEmpty();
    if (percent && n > 100) {
      return Optional.empty();
    }
    return Optional.of(new CountOrPercent(n, percent));
  }

  /** Whether it is at least 1 (or 1%): what a budget needs to let anything happen. */
  public boolean atLeastOne() {
    return value >= 1;
  }

  @Override
  public String toString() {
    return value + (percent ? "%" : "");
  }
}
