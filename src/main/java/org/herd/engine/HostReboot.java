package org.herd.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * Reboots one host and waits until it is back: a new boot id (so the host really went down, not
 * just its SSH connection), sshd answering, and systemd done booting ({@code systemctl
 * is-system-running --wait} says {@code running} or {@code degraded}). The health step that follows
 * runs the gates.
 *
 * <p>The reboot is scheduled a moment ahead ({@code systemd-run --on-active}, else a detached
 * {@code sleep; reboot}) so that the command that asks for it returns before sshd goes away.
 */
final class HostReboot {

  /** How long a host may take to come back. */
  static final Duration BACK_WITHIN = Duration.ofMinutes(10);

  private static final Duration POLL = Duration.ofSeconds(2);
  private static final Duration COMMAND = Duration.ofMinutes(2);

  static final String BOOT_ID = "cat /proc/sys/kernel/random/boot_id";

  static final String REBOOT =
      "if command -v systemd-run >/dev/null 2>&1; then"
          + " systemd-run --quiet --on-active=2 --timer-property=AccuracySec=100ms systemctl reboot;"
          + " else (sleep 2; reboot) </dev/null >/dev/null 2>&1 & fi";

  /** Opens a fresh session to the host (the previous one died with the reboot). */
  interface Reconnect {
    Session open() throws TransportException, InterruptedException;
  }

  private final Clock clock;
  private final Sleeper sleeper;

  HostReboot(Clock clock, Sleeper sleeper) {
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Reboots the host of {@code session}, then waits for it through {@code reconnect}. */
  StepResult reboot(Session session, Reconnect reconnect)
      throws TransportException, InterruptedException {
    String before = bootId(session);
    CommandResult asked =
        session.run(RemoteCommand.shell(REBOOT), ExecOptions.defaults().withTimeout(COMMAND));
    if (!asked.ok()) {
      return new StepResult.Failed(
          "cannot ask for a reboot (exit " + asked.exitCode() + ")", asked.stderrText().strip());
    }
    session.close();
    Instant deadline = clock.instant().plus(BACK_WITHIN);
    String last = "not back yet";
    while (clock.instant().isBefore(deadline)) {
      sleeper.sleep(POLL);
      try (Session back = reconnect.open()) {
        String now = bootId(back);
        if (now.equals(before)) {
          last = "still the same boot";
          continue;
        }
        CommandResult state =
            back.run(
                RemoteCommand.of("systemctl", "is-system-running", "--wait"),
                ExecOptions.defaults().withTimeout(COMMAND));
        String system = state.stdoutText().strip();
        if (system.equals("running") || system.equals("degraded")) {
          return new StepResult.Done(
              true, "rebooted: boot id " + before + " → " + now + ", system " + system);
        }
        last = "system " + system;
      } catch (TransportException e) {
        last = e.getMessage();
      }
    }
    return new StepResult.Failed(
        "not back within " + BACK_WITHIN.toMinutes() + " min after a reboot", last);
  }

  private static String bootId(Session session) throws TransportException, InterruptedException {
    CommandResult id =
        session.run(RemoteCommand.shell(BOOT_ID), ExecOptions.defaults().withTimeout(COMMAND));
    return id.stdoutText().strip();
  }
}
