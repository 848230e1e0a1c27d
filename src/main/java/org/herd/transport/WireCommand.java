package org.herd.transport;

import java.nio.charset.StandardCharsets;

/**
 * Builds the exact string a transport hands to the host's login shell, and knows the small protocol
 * that string speaks on stderr before the operator's command runs.
 *
 * <p>Every command becomes {@code exec /bin/sh -c SCRIPT sh LINE}: a POSIX shell whatever the login
 * shell is, which runs LINE itself with {@code eval}. {@code exec} keeps the process that sshd
 * started (a session leader, so its pid is also its process group id), and SCRIPT first prints that
 * pid on stderr as {@code @herd:pid=N@}: herd signals the whole group with {@code kill -s SIG --
 * -N}, so timeouts and cancellation stop pipelines and children too, on every transport and through
 * sudo. With {@link Become#SUDO}, SCRIPT execs {@code sudo} and the privileged shell prints
 * {@code @herd:ready@} before the command; when a password is configured sudo runs with {@code -S
 * -p @herd:sudo-prompt@}, and herd writes the password to stdin only after it saw that prompt, so a
 * NOPASSWD host never receives it on the command's stdin. The operator's line is passed as an
 * argument ({@code "$1"}) and never re-parsed by an extra shell level.
 */
final class WireCommand {

  static final String PID_PREFIX = "@herd:pid=";
  static final String PID_SUFFIX = "@\n";
  static final String READY = "@herd:ready@\n";
  static final String SUDO_PROMPT = "@herd:sudo-prompt@";

  static final byte[] READY_BYTES = READY.getBytes(StandardCharsets.US_ASCII);
  static final byte[] PROMPT_BYTES = SUDO_PROMPT.getBytes(StandardCharsets.US_ASCII);

  private static final String PRINT_PID = "printf '" + PID_PREFIX + "%s@\\n' \"$$\" >&2; ";

  /**
   * Runs the operator's line, {@code $1}, in the shell that printed the pid, with no positional
   * parameter left (as {@code sh -c LINE} would have it): eval's text is {@code shift; LINE}. One
   * {@code /bin/sh} exec less per command than {@code exec /bin/sh -c "$1"}: a few ms of the host's
   * CPU per connection.
   */
  private static final String RUN_LINE = "eval \"shift; $1\"";

  private static final String PRINT_READY = "printf '@herd:ready@\\n' >&2; " + RUN_LINE;

  private WireCommand() {}

  /**
   * The string for the login shell.
   *
   * @param command the operator's command
   * @param become the privilege mode
   * @param sudoPassword whether sudo must read a password ({@code -S}) rather than fail ({@code
   *     -n})
   */
  static String build(RemoteCommand command, Become become, boolean sudoPassword) {
    String script =
        switch (become) {
          case NONE -> PRINT_PID + RUN_LINE;
          case SUDO ->
              PRINT_PID
                  + "exec sudo "
                  + (sudoPassword ? "-S -p " + RemoteCommand.quote(SUDO_PROMPT) : "-n")
                  + " -- /bin/sh -c "
                  + RemoteCommand.quote(PRINT_READY)
                  + " sh \"$1\"";
        };
    return "exec /bin/sh -c "
        + RemoteCommand.quote(script)
        + " sh "
        + RemoteCommand.quote(command.line());
  }

  /** The command that sends {@code signal} to the process group {@code pgid}. */
  static RemoteCommand kill(long pgid, Signal signal) {
    return RemoteCommand.of("kill", "-s", signal.name(), "--", "-" + pgid);
  }
}
