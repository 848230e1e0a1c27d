package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A Debian package version, {@code [epoch:]upstream_version[-debian_revision]}, parsed and ordered
 * exactly as Debian policy §5.6.12 and dpkg's {@code verrevcmp} do: epochs compare as numbers;
 * upstream version and revision compare as alternating runs of non-digits (letters sort before
 * non-letters, and {@code ~} before everything, even the end of the string) and digits (as numbers
 * of any length).
 *
 * <p>The exact text is kept, because apt and dpkg identify a version by its string: {@code 1.0},
 * {@code 0:1.0} and {@code 1.0-0} compare as equal, but are different strings. So {@link
 * #compareTo} is <em>not</em> consistent with {@link #equals} (like {@code BigDecimal}); use {@code
 * compareTo(...) == 0} to ask "same version for dpkg".
 *
 * <p>The accepted syntax is dpkg's: the text is non-empty and has no whitespace; the epoch, when
 * present, is a number up to {@link Integer#MAX_VALUE}; the upstream version is non-empty and
 * contains only alphanumerics and {@code . + ~ -} (and {@code :} when there is an epoch); the
 * revision, when present, is non-empty and contains only alphanumerics and {@code . + ~}. Like
 * dpkg, an upstream version that does not start with a digit is accepted. That alphabet is also
 * what makes a version safe to put in a shell command.
 */
public final class DebianVersion implements Comparable<DebianVersion> {

  private final String text;
  private final int epoch;
  private final String upstream;
  private final String revision;

  private DebianVersion(String text, int epoch, String upstream, String revision) {
    this.text = text;
    this.epoch = epoch;
    this.upstream = upstream;
    this.revision = revision;
  }

  /**
   * Parses a version.
   *
   * @throws InvalidSyntaxException when {@code text} is not a Debian version (the message says why)
   */
  @JsonCreator
  public static DebianVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    String problem = problem(text);
    if (problem != null) {
      throw new InvalidSyntaxException("version '" + text + "': " + problem);
    }
    int colon = text.indexOf(':');
    int epoch = colon < 0 ? 0 : Integer.parseInt(text.substring(0, colon));
    String rest = text.substring(colon + 1);
    int hyphen = rest.lastIndexOf('-');
    String upstream = hyphen < 0 ? rest : rest.substring(0, hyphen);
    String revision = hyphen < 0 ? "" : rest.substring(hyphen + 1);
    return new DebianVersion(text, epoch, upstream, revision);
  }

  /** Parses a version, or returns empty when {@code text} is null or not a Debian version. */
  public static Optional<DebianVersion> tryParse(String text) {
    return text == null || problem(text) != null ? Optional.empty() : Optional.of(parse(text));
  }

  /** Whether {@code text} is a syntactically valid Debian version. */
  public static boolean isValid(String text) {
    return text != null && problem(text) == null;
  }

  /** What is wrong with {@code text} as a version, or null when nothing is. */
  private static String problem(String text) {
    if (text.isEmpty()) {
      return "empty";
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return "contains whitespace";
      }
    }
    int colon = text.indexOf(':');
    if (colon >= 0) {
      String epoch = text.substring(0, colon);
      if (epoch.isEmpty()) {
        return "epoch is empty";
      }
      if (!epoch.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return "epoch is not a number";
      }
      if (epoch.replaceFirst("^0+(?=.)", "").length() > 10
          || Long.parseLong(epoch.replaceFirst("^0+(?=.)", "")) > Integer.MAX_VALUE) {
        return "epoch is too big";
      }
    }
    String rest = text.substring(colon + 1);
    int hyphen = rest.lastIndexOf('-');
    String upstream = hyphen < 0 ? rest : rest.substring(0, hyphen);
    if (upstream.isEmpty()) {
      return "upstream version is empty";
    }
    for (int i = 0; i < upstream.length(); i++) {
      char c = upstream.charAt(i);
      if (!(isAlphanumeric(c) || c == '.' || c == '+' || c == '~' || c == '-' || c == ':')) {
        return "invalid character '" + c + "' in upstream version";
      }
    }
    if (hyphen >= 0) {
      String revision = rest.substring(hyphen + 1);
      if (revision.isEmpty()) {
        return "revision is empty";
      }
      for (int i = 0; i < revision.length(); i++) {
        char c = revision.charAt(i);
        if (!(isAlphanumeric(c) || c == '.' || c == '+' || c == '~')) {
          return "invalid character '" + c + "' in revision";
        }
      }
    }
    return null;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** The epoch, 0 when absent. */
  public int epoch() {
    return epoch;
  }

  /** The upstream version (without epoch and revision). */
  public String upstream() {
    return upstream;
  }

  /** The Debian revision, empty when absent (which sorts like {@code 0}). */
  public String revision() {
    return revision;
  }

  @Override
  public int compareTo(DebianVersion other) {
    int byEpoch = Integer.compare(epoch, other.epoch);
    if (byEpoch != 0) {
      return byEpoch;
    }
    int byUpstream = VersionOrder.compare(upstream, other.upstream);
    return byUpstream != 0 ? byUpstream : VersionOrder.compare(revision, other.revision);
  }

  /** Whether this version is strictly newer than {@code other} for dpkg. */
  public boolean isNewerThan(DebianVersion other) {
    return compareTo(other) > 0;
  }

  /** The version exactly as it was written. */
  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DebianVersion v && v.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
