package org.herd.cli;

/**
 * A mistake of the operator that the CLI detected itself (a missing file, conflicting options).
 * Reported as one line and mapped to {@link ExitCode#USAGE}.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; {@code message} is shown to the user as is. */
  public UserError(String message) {
    super(message);
  }
}
