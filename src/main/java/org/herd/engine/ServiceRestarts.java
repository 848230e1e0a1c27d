package org.herd.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.herd.transport.CommandResult;
import org.herd.transport.ExecOptions;
import org.herd.transport.RemoteCommand;
import org.herd.transport.Session;
import org.herd.transport.TransportException;

/**
 * The restarts dpkg was denied, performed herd's way after {@code install}: each unit once, in the
 * order herd chooses, then checked with {@code systemctl is-active}.
 *
 * <p>{@link #fromSpool} turns the guard's spool into the list of restarts (pure); {@link #perform}
 * runs them on the host one after the other, so a unit that must start before another (a database
 * before its users) gets there first.
 */
public final class ServiceRestarts {

  /**
   * One unit to restart.
   *
   * @param unit the systemd unit
   * @param reloadOnly whether every request for it was a reload: herd then uses {@code
   *     reload-or-restart}
   */
  public record Restart(String unit, boolean reloadOnly) {}

  private final Duration timeout;

  /**
   * @param timeout how long one systemctl call may take (a slow stop counts)
   */
  public ServiceRestarts(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * The restarts the denied requests call for: one per unit, units named in {@code order} first in
   * that order, then the others in the order dpkg asked for them.
   *
   * @param denied the guard's spool
   * @param order unit names in the order herd wants them restarted (the plan's); names without a
   *     type get {@code .service}
   */
  public static List<Restart> fromSpool(List<DeniedRequest> denied, List<String> order) {
    Map<String, Boolean> reloadOnly = new LinkedHashMap<>();
    for (DeniedRequest request : denied) {
      reloadOnly.merge(request.unit(), request.action().reloadOnly(), Boolean::logicalAnd);
    }
    List<Restart> restarts = new ArrayList<>();
    for (String name : order) {
      String unit = new DeniedRequest(Instant.EPOCH, name, GuardAction.START).unit();
      Boolean reload = reloadOnly.remove(unit);
      if (reload != null) {
        restarts.add(new Restart(unit, reload));
      }
    }
    reloadOnly.forEach((unit, reload) -> restarts.add(new Restart(unit, reload)));
    return restarts;
  }

  /**
   * Restarts the units one by one and checks each is active afterwards, one round trip per unit. A
   * failed unit does not stop the others: every outcome is returned, in order.
   *
   * @param mode the restart mode of each unit
   */
  public List<RestartOutcome> perform(
      Session session, List<Restart> restarts, Function<String, RestartMode> mode)
      throws TransportException, InterruptedException {
    List<RestartOutcome> outcomes = new ArrayList<>();
    for (Restart restart : restarts) {
      boolean tryOnly = mode.apply(restart.unit()) == RestartMode.TRY_RESTART;
      String verb = verb(restart.reloadOnly(), tryOnly);
      CommandResult done =
          session.run(
              RemoteCommand.of("/bin/sh", "-c", RESTART, "herd-restart", verb, restart.unit()),
              ExecOptions.defaults().withTimeout(timeout));
      outcomes.add(outcome(restart.unit(), verb, tryOnly, done));
    }
    return outcomes;
  }

  /**
   * systemctl VERB, then the unit's state: the last line of stdout is "@@herd EXIT STATE" (the exit
   * status of systemctl VERB, the answer of systemctl is-active).
   */
  private static final String RESTART =
      "systemctl \"$1\" -- \"$2\"; rc=$?; echo \"@@herd $rc $(systemctl is-active -- \"$2\")\"";

  static String verb(boolean reloadOnly, boolean tryOnly) {
    if (reloadOnly) {
      return tryOnly ? "try-reload-or-restart" : "reload-or-restart";
    }
    return tryOnly ? "try-restart" : "restart";
  }

  /** The outcome of one {@link #RESTART} run. */
  static RestartOutcome outcome(String unit, String verb, boolean tryOnly, CommandResult done) {
    String[] lines = done.stdoutText().strip().split("\n");
    String[] last = lines[lines.length - 1].split(" ");
    if (last.length != 3 || !last[0].equals("@@herd") || !last[1].matches("[0-9]{1,3}")) {
      String why = done.stderrText().strip();
      return new RestartOutcome.Failed(
          unit, verb, done.exitCode(), "unknown", why.isEmpty() ? "no answer from systemctl" : why);
    }
    int exit = Integer.parseInt(last[1]);
    String state = last[2];
    if (exit == 0 && state.equals("active")) {
      return new RestartOutcome.Restarted(unit, verb);
    }
    if (exit == 0 && tryOnly && (state.equals("inactive") || state.equals("unknown"))) {
      return new RestartOutcome.LeftStopped(unit, state);
    }
    return new RestartOutcome.Failed(unit, verb, exit, state, done.stderrText().strip());
  }
}
