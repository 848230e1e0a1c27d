package org.herd.engine;

/** What happened to one unit in the restart step. */
public sealed interface RestartOutcome {

  /** The unit. */
  String unit();

  /**
   * The unit was restarted (or reloaded) and is active.
   *
   * @param command the systemctl verb used ({@code restart}, {@code try-restart}, {@code
   *     reload-or-restart}, …)
   */
  record Restarted(String unit, String command) implements RestartOutcome {}

  /**
   * {@code try-restart} left the unit alone because it was not running, as asked.
   *
   * @param state what {@code systemctl is-active} says
   */
  record LeftStopped(String unit, String state) implements RestartOutcome {}

  /**
   * systemctl failed, or the unit is not active afterwards.
   *
   * @param command the systemctl verb used
   * @param exitCode systemctl's exit code (0 when it succeeded but the unit is not active)
   * @param state what {@code systemctl is-active} says afterwards
   * @param message systemctl's error output
   */
  record Failed(String unit, String command, int exitCode, String state, String message)
      implements RestartOutcome {}
}
