package org.herd.lab;

/**
 * Something the lab could not do: a missing tool, a command that failed on the machine or in a lab
 * host, a bad lab option. The message reads {@code what: why} so that the CLI can print it as one
 * line.
 */
public final class LabException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether the operator gave bad input (exit 2) rather than the machine failing (exit 1). */
  private final boolean badInput;

  private LabException(String message, boolean badInput, Throwable cause) {
    super(message, cause);
    this.badInput = badInput;
  }

  /** The lab failed while doing its work. */
  public static LabException failed(String message) {
    return new LabException(message, false, null);
  }

  /** The lab failed while doing its work, because of {@code cause}. */
  public static LabException failed(String message, Throwable cause) {
    return new LabException(message, false, cause);
  }

  /** The operator asked for something the lab cannot do as asked. */
  public static LabException badInput(String message) {
    return new LabException(message, true, null);
  }

  /** Whether this is a mistake in what the operator asked (exit 2). */
  public boolean badInput() {
    return badInput;
  }
}
