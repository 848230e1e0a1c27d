package org.herd.lab;

import java.time.Duration;

/**
 * Runs shell scripts on lab hosts, as root. The lab uses it to prepare hosts and form clusters; it
 * is independent of SSH so that a host whose sshd a test broke can still be repaired.
 */
public interface HostShell {

  /** Runs {@code script} with {@code sh -c} on {@code host}; never throws for a non-zero exit. */
  ProcessRunner.Result run(LabHost host, String script, Duration timeout);

  /** Runs {@code script} on {@code host} and throws a {@link LabException} unless it succeeds. */
  default String check(LabHost host, String script, Duration timeout) {
    ProcessRunner.Result result = run(host, script, timeout);
    if (!result.ok()) {
      String why = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
      java.util.List<String> lines = why.lines().toList();
      throw LabException.failed(
          host.name()
              + ": exit "
              + result.exitCode()
              + (lines.isEmpty()
                  ? ""
                  : ": "
                      + String.join(
                          " / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()))));
    }
    return result.stdout();
  }
}
