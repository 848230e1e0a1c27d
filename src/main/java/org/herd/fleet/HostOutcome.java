package org.herd.fleet;

import java.util.Objects;

/**
 * How one host ended a command. Each case names what happened in the words an operator uses, so
 * that reports never have to invent jargon (Ansible's "dark" is the example to avoid).
 *
 * <p>Only {@link Ok} and {@link Failed} mean that the command ran to completion; every other case
 * means the host did not give an answer, and counts as exit code 255 for {@code herd run -S}, as an
 * ssh client does for its own failures.
 */
public sealed interface HostOutcome {

  /** The exit code of the remote command as {@code -S} reports it: 255 when there is none. */
  int exitCode();

  /** Whether the command ran to its end (successfully or not). */
  default boolean completed() {
    return this instanceof Ok || this instanceof Failed;
  }

  /** A short lowercase phrase for folded error lines: {@code herd: n[4-6]: <phrase>}. */
  String describe();

  /** A stable lowercase name of the case, used in {@code --json}. */
  String kind();

  /** The command exited with status 0. */
  record Ok() implements HostOutcome {
    @Override
    public int exitCode() {
      return 0;
    }

    @Override
    public String describe() {
      return "ok";
    }

    @Override
    public String kind() {
      return "ok";
    }
  }

  /**
   * The command exited with a non-zero status, or was killed by a signal.
   *
   * @param exitCode the remote exit status (128 + n for signal n, as a shell reports it)
   * @param signal the signal name when the command was killed by one, else {@code null}
   */
  record Failed(int exitCode, String signal) implements HostOutcome {
    public Failed {
      if (exitCode == 0) {
        throw new IllegalArgumentException("a failed command has a non-zero exit code");
      }
    }

    /** A command that exited with {@code exitCode}. */
    public Failed(int exitCode) {
      this(exitCode, null);
    }

    @Override
    public String describe() {
      return signal == null
          ? "exited with exit code " + exitCode
          : "killed by signal " + signal + " (exit code " + exitCode + ")";
    }

    @Override
    public String kind() {
      return "failed";
    }
  }

  /**
   * No connection could be made or kept: refused, no route, name not resolved, connect timeout, or
   * the connection dropped before the command ended.
   *
   * @param reason what went wrong, lowercase, such as {@code connection refused}
   */
  record Unreachable(String reason) implements HostOutcome {
    public Unreachable {
      Objects.requireNonNull(reason);
    }

    @Override
    public int exitCode() {
      return 255;
    }

    @Override
    public String describe() {
      return reason;
    }

    @Override
    public String kind() {
      return "unreachable";
    }
  }

  /**
   * The host answered but refused us: authentication failed, its host key was unknown or changed,
   * or sudo wanted a password.
   *
   * @param reason what was refused, lowercase, such as {@code authentication failed}
   * @param detail the long explanation with what to do (the known_hosts line of a changed key), or
   *     {@code null}
   */
  record Refused(String reason, String detail) implements HostOutcome {
    public Refused {
      Objects.requireNonNull(reason);
    }

    @Override
    public int exitCode() {
      return 255;
    }

    @Override
    public String describe() {
      return reason;
    }

    @Override
    public String kind() {
      return "refused";
    }
  }

  /**
   * The action failed for a reason that is not an exit code, such as a copy that could not be
   * written.
   *
   * @param reason what failed, lowercase, with its detail
   */
  record Errored(String reason) implements HostOutcome {
    public Errored {
      Objects.requireNonNull(reason);
    }

    @Override
    public int exitCode() {
      return 255;
    }

    @Override
    public String describe() {
      return reason;
    }

    @Override
    public String kind() {
      return "error";
    }
  }

  /** The command did not end within the command timeout ({@code -u}) and was stopped. */
  record TimedOut() implements HostOutcome {
    @Override
    public int exitCode() {
      return 255;
    }

    @Override
    public String describe() {
      return "command timeout";
    }

    @Override
    public String kind() {
      return "timeout";
    }
  }

  /** The run was interrupted (Ctrl-C) before this host completed. */
  record Interrupted() implements HostOutcome {
    @Override
    public int exitCode() {
      return 255;
    }

    @Override
    public String describe() {
      return "did not complete";
    }

    @Override
    public String kind() {
      return "interrupted";
    }
  }
}
