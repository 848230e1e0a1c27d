package org.herd.lab;

import java.time.Duration;
import java.util.Map;

/**
 * A {@link HostShell} that enters a host's container with {@code nsenter}, finding its init from
 * the nspawn pid in the lab journal.
 */
public final class NsenterShell implements HostShell {

  private final Map<String, Resource.Proc> containers;
  private final ProcessRunner runner;

  /** A shell into the containers recorded (by host name) in {@code containers}. */
  public NsenterShell(Map<String, Resource.Proc> containers, ProcessRunner runner) {
    this.containers = Map.copyOf(containers);
    this.runner = runner;
  }

  @Override
  public ProcessRunner.Result run(LabHost host, String script, Duration timeout) {
    Resource.Proc nspawn = containers.get(host.name());
    if (nspawn == null) {
      throw LabException.failed(host.name() + ": not a running host of this lab");
    }
    ProcessHandle leader =
        Container.leader(nspawn)
            .orElseThrow(() -> LabException.failed(host.name() + ": its container is not running"));
    return runner.run(Container.execCommand(leader.pid(), script), null, null, timeout);
  }
}
