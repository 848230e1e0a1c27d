package org.herd.engine;

/**
 * A host-side mechanism of the engine could not do its work on a host: a detached step could not be
 * started, a guard could not be installed or removed. The host answered, but not as expected;
 * connection failures stay {@link org.herd.transport.TransportException}s.
 */
public final class EngineException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String host;

  /**
   * @param host the host's name
   * @param message what failed and why, without the host
   */
  public EngineException(String host, String message) {
    super(host + ": " + message);
    this.host = host;
  }

  /** The host's name. */
  public String host() {
    return host;
  }
}
