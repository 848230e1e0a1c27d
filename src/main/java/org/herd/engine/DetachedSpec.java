package org.herd.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.herd.journal.RunId;

/**
 * What to run detached on a host: the run and step it belongs to (they name its files and unit),
 * the argv, and the environment it gets on top of a fixed {@code PATH}.
 *
 * <p>The environment is explicit: nothing of the SSH session's environment reaches the command
 * under systemd (a transient unit starts with systemd's own), so everything the command needs —
 * {@code DEBIAN_FRONTEND=noninteractive} for dpkg — is listed here and written quoted into the
 * runner script.
 *
 * @param run the run the step belongs to
 * @param step the step's name: a letter, then letters, digits, {@code .}, {@code _} or {@code -}
 *     (at most 64); unique within the run on one host
 * @param argv the program and its arguments, each quoted for sh on the host
 * @param environment variables exported before the command runs, in name order
 */
public record DetachedSpec(
    RunId run, String step, List<String> argv, Map<String, String> environment) {

  private static final Pattern STEP = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException for a bad step name, an empty argv or a bad variable name
   */
  public DetachedSpec {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(step, "step");
    if (!STEP.matcher(step).matches()) {
      throw new IllegalArgumentException(
          "step '" + step + "': expected a letter, then letters, digits, '.', '_' or '-'");
    }
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("step '" + step + "': no command");
    }
    for (String name : environment.keySet()) {
      if (!NAME.matcher(name).matches() || name.equals("PATH")) {
        throw new IllegalArgumentException("step '" + step + "': bad variable name '" + name + "'");
      }
    }
    environment = Map.copyOf(new TreeMap<>(environment));
  }

  /** A step without extra environment. */
  public static DetachedSpec of(RunId run, String step, List<String> argv) {
    return new DetachedSpec(run, step, argv, Map.of());
  }

  /** A copy with one more variable. */
  public DetachedSpec withEnv(String name, String value) {
    Map<String, String> env = new TreeMap<>(environment);
    env.put(name, value);
    return new DetachedSpec(run, step, argv, env);
  }
}
