package org.herd.engine;

import org.herd.text.CountOrPercent;

/**
 * The failure policy {@code --max-fail N|P%}: how many hosts may fail before the run stops
 * admitting hosts and aborts. Checked each time a host finishes. {@code --max-fail 0} aborts at the
 * first failed host; {@code --max-fail 10%} once more than a tenth of the run's hosts failed.
 * Unreachable hosts count too: a host that cannot be reached was not upgraded either.
 *
 * @param count the most failed hosts tolerated, when {@code percent} is false
 * @param percent whether {@code count} is a percentage of the run's hosts
 */
public record MaxFail(int count, boolean percent) {

  /** No limit: failed hosts stop only themselves. */
  public static final MaxFail UNLIMITED = new MaxFail(Integer.MAX_VALUE, false);

  public MaxFail {
    if (count < 0 || (percent && count > 100)) {
      throw new IllegalArgumentException(
          "--max-fail: expected a count (0 or more) or a percentage (0% to 100%)");
    }
  }

  /**
   * Parses {@code N} or {@code P%}.
   *
   * @throws IllegalArgumentException with a message for the operator
   */
  public static MaxFail parse(String text) {
    CountOrPercent value =
        CountOrPercent.parse(text)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--max-fail '"
                            + text
                            + "': expected a count such as 2 or a percentage such as 10%"));
    return new MaxFail(value.value(), value.percent());
  }

  /** Whether {@code failed} hosts out of {@code total} exceed the policy. */
  public boolean exceededBy(int failed, int total) {
    if (percent) {
      return (long) failed * 100 > (long) count * total;
    }
    return failed > count;
  }

  @Override
  public String toString() {
    return this == UNLIMITED || count == Integer.MAX_VALUE
        ? "unlimited"
        : count + (percent ? "%" : "");
  }
}
