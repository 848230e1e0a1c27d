package org.herd.cli;

import org.herd.fleet.FanOutSettings;
import picocli.CommandLine.Option;

/**
 * {@code -f}/{@code --fanout}, as clush has it: how many hosts herd talks to at once. The one
 * definition of the option, for every command that reaches hosts; runs download at this fan-out.
 */
final class FanoutOption {

  @Option(
      names = {"-f", "--fanout"},
      paramLabel = "N",
      description = "Hosts in flight at once (default: ${DEFAULT-VALUE}).")
  int fanout = FanOutSettings.DEFAULT_FANOUT;

  /** The fan-out asked for; a one-line error when it is less than 1. */
  int value() {
    if (fanout < 1) {
      throw new UserError("--fanout: must be at least 1, not " + fanout);
    }
    return fanout;
  }
}
