package org.herd.debian;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an apt-get run changed anything, read from what it printed (in the C locale), so that a
 * step that had nothing to do is journaled as such rather than as a change.
 */
public final class AptOutcome {

  /** apt-get's summary: {@code 1 upgraded, 0 newly installed, [1 downgraded, ]0 to remove and…}. */
  private static final Pattern SUMMARY =
      Pattern.compile(
          "^(\\d+) upgraded, (\\d+) newly installed, (?:(\\d+) downgraded, )?(\\d+) to remove and"
              + " \\d+ not upgraded\\.",
          Pattern.MULTILINE);

  /** A package fetched by apt: {@code Get:1 http://deb.debian.org/debian bookworm/main …}. */
  private static final Pattern FETCHED = Pattern.compile("^Get:\\d+ ", Pattern.MULTILINE);

  private AptOutcome() {}

  /**
   * Whether {@code apt-get install} changed packages: its summary counts an upgrade, a new package,
   * a downgrade or a removal. Without a summary (another locale, output cut) it is taken to have.
   */
  public static boolean installChanged(String output) {
    Matcher summary = SUMMARY.matcher(output);
    if (!summary.find()) {
      return true;
    }
    for (int group = 1; group <= 4; group++) {
      String count = summary.group(group);
      if (count != null && !count.equals("0")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code apt-get --download-only} fetched a package: a {@code Get:} line. Every package
   * already in the cache fetches none.
   */
  public static boolean downloadFetched(String output) {
    return FETCHED.matcher(output).find();
  }
}
