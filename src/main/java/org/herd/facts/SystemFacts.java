package org.herd.facts;

import java.util.List;

/**
 * Identity of the running system.
 *
 * @param architecture dpkg's native architecture ({@code amd64})
 * @param foreignArchitectures the other architectures dpkg accepts ({@code i386})
 * @param machine {@code uname -m}
 * @param kernelRelease {@code uname -r}
 * @param kernelVersion {@code uname -v} (carries the Debian build version on Debian kernels)
 * @param bootId {@code /proc/sys/kernel/random/boot_id}: changes with every boot, so herd can tell
 *     that a reboot happened
 * @param uptimeSeconds the first field of {@code /proc/uptime}, -1 when unknown
 */
public record SystemFacts(
    String architecture,
    List<String> foreignArchitectures,
    String machine,
    String kernelRelease,
    String kernelVersion,
    String bootId,
    double uptimeSeconds) {

  /** Copies the list. */
  public SystemFacts {
    foreignArchitectures = List.copyOf(foreignArchitectures);
  }
}
