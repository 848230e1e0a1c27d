package org.herd.facts;

import java.util.List;
import org.herd.debian.RestartReason;
import org.herd.debian.SystemdUnit;

/**
 * Services and processes that run code an upgrade replaced.
 *
 * @param source where the facts come from
 * @param services the units to restart, each with its outdated processes (empty process lists when
 *     the source is needrestart, which names units only)
 * @param sessions login sessions running outdated code (needrestart's {@code NEEDRESTART-SESS})
 * @param containers containers to restart (needrestart's {@code NEEDRESTART-CONT})
 */
public record RestartFacts(
    Source source, List<UnitRestart> services, List<String> sessions, List<String> containers) {

  /** Copies the lists. */
  public RestartFacts {
    services = List.copyOf(services);
    sessions = List.copyOf(sessions);
    containers = List.copyOf(containers);
  }

  /** How the facts were gathered. */
  public enum Source {
    /** {@code needrestart -b}, run as root. */
    NEEDRESTART,
    /** herd's own scan of {@code /proc} (needrestart's method). */
    PROC_SCAN,
    /** Not gathered (section missing or cut). */
    UNAVAILABLE
  }

  /**
   * One unit to restart.
   *
   * @param unit the unit name, null for processes outside any unit
   * @param kind what kind of unit
   * @param processes its processes running outdated code
   */
  public record UnitRestart(String unit, SystemdUnit.Kind kind, List<StaleProcess> processes) {

    /** Copies the list. */
    public UnitRestart {
      processes = List.copyOf(processes);
    }
  }

  /**
   * A process running outdated code.
   *
   * @param pid the process id
   * @param command its command name ({@code /proc/PID/comm})
   * @param executable {@code /proc/PID/exe}
   * @param reason what is outdated
   * @param path the deleted or replaced file
   */
  public record StaleProcess(
      int pid, String command, String executable, RestartReason reason, String path) {}
}
