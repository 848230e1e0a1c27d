package org.herd.engine;

/**
 * What one probe of a recipe check saw on a host: a command's exit code and output, a TCP
 * connection, an HTTP answer; or that herd could not ask.
 */
public sealed interface ProbeAnswer {

  /**
   * The probe ran.
   *
   * @param code the command's exit code, 0 for a TCP connection that opened (1 when refused), or
   *     the HTTP status
   * @param stdout the command's standard output or the HTTP body
   * @param stderr the command's standard error, or why a connection failed
   */
  record Ran(int code, String stdout, String stderr) implements ProbeAnswer {}

  /** herd could not reach the host (or the connection dropped) to ask. */
  record Unreachable(String reason) implements ProbeAnswer {}
}
