package org.herd.recipe;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a check looks at: a command run on a member (its exit code, and optionally values in its
 * JSON output or regular expressions its output must match), a TCP connection, or an HTTP request.
 */
public sealed interface Probe {

  /**
   * A shell command run on the member.
   *
   * @param command the shell line; substituted values are shell-quoted
   * @param exitCode the exit code that passes
   * @param json JSON pointer → expected value (as text) in the command's standard output
   * @param stdoutMatches regular expressions that must each be found in standard output (multiline
   *     mode: {@code ^} and {@code $} match at lines)
   */
  record Command(
      Template command, int exitCode, Map<String, Template> json, List<Template> stdoutMatches)
      implements Probe {
    public Command {
      json = Map.copyOf(json);
      stdoutMatches = List.copyOf(stdoutMatches);
    }
  }

  /** A TCP connection to {@code HOST:PORT} from herd's machine must open. */
  record Tcp(Template address) implements Probe {}

  /**
   * An HTTP GET from herd's machine must answer {@code status}, and its body must match {@code
   * bodyMatches} when given.
   */
  record Http(Template url, int status, Optional<Template> bodyMatches) implements Probe {}

  /** Every template of the probe. */
  default List<Template> templates() {
    List<Template> all = new java.util.ArrayList<>();
    if (this instanceof Command c) {
      all.add(c.command());
      all.addAll(c.json().values());
      all.addAll(c.stdoutMatches());
    } else if (this instanceof Tcp t) {
      all.add(t.address());
    } else if (this instanceof Http h) {
      all.add(h.url());
      h.bodyMatches().ifPresent(all::add);
    }
    return all;
  }
}
