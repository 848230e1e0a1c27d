package org.herd.debian;

/**
 * A package name, version or architecture that does not follow Debian's syntax. Thrown before such
 * a string can reach a command line; the message says which string and why, in the one-line form
 * {@code version '1..0': ...}.
 */
public final class InvalidSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code message} names the string and the problem. */
  public InvalidSyntaxException(String message) {
    super(message);
  }
}
