package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A binary package name, optionally qualified by an architecture ({@code libc6:amd64}), validated
 * against Debian policy §5.6.1: at least two characters, lower-case letters, digits and {@code + -
 * .}, starting with a letter or digit. Architecture names are dpkg's: lower-case letters, digits
 * and {@code -} ({@code any} and {@code native} included, as apt accepts them).
 *
 * <p>Every name that herd puts into a remote command goes through here first; the alphabet leaves
 * nothing a shell would interpret, and no name can start with {@code -} and pass for an option.
 *
 * @param name the package name
 * @param architecture the qualifier after {@code :}, or null when the name has none
 */
public record PackageName(String name, String architecture) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
  private static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /** Validates both parts. */
  public PackageName {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new InvalidSyntaxException("package name '" + name + "': " + nameProblem(name));
    }
    if (architecture != null && !ARCHITECTURE.matcher(architecture).matches()) {
      throw new InvalidSyntaxException(
          "architecture '"
              + architecture
              + "': only lower-case letters, digits and '-' are allowed");
    }
  }

  /**
   * Parses {@code name} or {@code name:arch}.
   *
   * @throws InvalidSyntaxException when the text is not a valid package name
   */
  @JsonCreator
  public static PackageName parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    return colon < 0
        ? new PackageName(text, null)
        : new PackageName(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Whether {@code text} is a valid package name, with or without an architecture. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    return NAME.matcher(name).matches()
        && (colon < 0 || ARCHITECTURE.matcher(text.substring(colon + 1)).matches());
  }

  private static String nameProblem(String name) {
    if (name.length() < 2) {
      return "must be at least two characters long";
    }
    if (!Character.isLetterOrDigit(name.charAt(0)) || Character.isUpperCase(name.charAt(0))) {
      return "must start with a lower-case letter or a digit";
    }
    return "only lower-case letters, digits and '+', '-', '.' are allowed";
  }

  /** The name without its architecture qualifier. */
  public PackageName unqualified() {
    return architecture == null ? this : new PackageName(name, null);
  }

  /** {@code name} or {@code name:arch}, as apt and dpkg write it. */
  @JsonValue
  @Override
  public String toString() {
    return architecture == null ? name : name + ":" + architecture;
  }
}
