package org.herd.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The lab shared by the integration tests of one run, as {@link LabExtension} hands it to them: its
 * hosts, its files, and shortcuts to run commands on its hosts.
 *
 * @param lab the lab itself, for publish, suite, cluster and reset
 * @param name the lab's name
 * @param hosts its hosts, in order
 * @param directory its state directory (ssh_config, known_hosts, herd.yaml, keys)
 */
public record TestLab(Lab lab, String name, List<LabHost> hosts, Path directory) {

  /** Host {@code index} (1-based). */
  public LabHost host(int index) {
    return hosts.get(index - 1);
  }

  /** The lab's ssh_config. */
  public Path sshConfig() {
    return directory.resolve("ssh_config");
  }

  /** The lab's herd inventory. */
  public Path inventory() {
    return directory.resolve("herd.yaml");
  }

  /** Runs {@code script} on {@code host} as root and returns what it printed; fails unless 0. */
  public String sh(LabHost host, String script) {
    return lab.shell(name).check(host, script, Duration.ofMinutes(10));
  }

  /** Runs {@code script} on {@code host} as root, whatever its exit status. */
  public ProcessRunner.Result run(LabHost host, String script) {
    return lab.shell(name).run(host, script, Duration.ofMinutes(10));
  }
}
