package org.herd.journal;

import java.util.Objects;
import java.util.regex.Pattern;

/** The shapes of the names the journal stores, checked before they reach the database. */
final class Names {

  static final int MAX_HOST = 255;
  static final int MAX_RESOURCE = 255;
  static final int MAX_HOLDER = 512;
  private static final Pattern STEP = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private Names() {}

  static String requireHost(String host) {
    return requireText("host", host, MAX_HOST);
  }

  static String requireResource(String resource) {
    return requireText("lease resource", resource, MAX_RESOURCE);
  }

  static String requireHolder(String holder) {
    return requireText("lease holder", holder, MAX_HOLDER);
  }

  static String requireStep(String step) {
    Objects.requireNonNull(step, "step");
    if (!STEP.matcher(step).matches()) {
      throw new IllegalArgumentException(
          "step '" + step + "': expected a lower-case word such as 'install' or 'health-wait'");
    }
    return step;
  }

  private static String requireText(String what, String text, int max) {
    Objects.requireNonNull(text, what);
    if (text.isBlank() || text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          what + " '" + text + "': expected 1 to " + max + " printable characters");
    }
    return text;
  }
}
