package org.herd.plan;

/**
 * A plan file that this herd cannot read: not JSON, not a plan, a format version it does not know,
 * or a field that breaks the plan's rules. The message is one line: what is wrong.
 */
public final class PlanFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A plan file problem. */
  public PlanFormatException(String message) {
    super(message);
  }

  /** A plan file problem with the exception that revealed it. */
  public PlanFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
