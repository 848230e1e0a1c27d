package org.herd.ops;

/**
 * What a use case was asked cannot be done as asked (a host of the inventory with a bad {@code
 * restart} value, a run that is over): one line for the operator. Nothing was recorded and no host
 * was touched.
 */
public final class InvalidRequest extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A one-line reason. */
  public InvalidRequest(String message) {
    super(message);
  }
}
