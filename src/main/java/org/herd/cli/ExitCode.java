package org.herd.cli;

/**
 * The exit codes of every herd command, documented in {@code docs/cli.md}.
 *
 * <p>Commands return one of these; only {@link Main} turns it into a process exit status. Commands
 * that report remote results (such as {@code herd run -S}) may return a remote exit code instead,
 * which is documented with the command.
 */
public enum ExitCode {
  /** Everything asked for was done. */
  OK(0),
  /** The command ran, but something it did failed (a host, a check). */
  FAILURE(1),
  /** Bad command line or configuration: nothing was done. */
  USAGE(2),
  /** Something herd needs is unavailable (a tool, a permission, a lock held by another run). */
  UNAVAILABLE(3),
  /** A bug in herd: an unexpected exception. Run with --debug and report it. */
  INTERNAL(70),
  /** Interrupted by the operator (Ctrl-C). */
  INTERRUPTED(130);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /** The numeric process exit status. */
  public int code() {
    return code;
  }
}
