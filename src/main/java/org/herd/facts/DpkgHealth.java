package org.herd.facts;

import java.util.List;
import org.herd.debian.AuditProblem;

/**
 * dpkg's health.
 *
 * @param problems {@code dpkg --audit}: half-configured, half-installed, unpacked, triggers
 *     pending...
 * @param locks the dpkg and apt lock files that a process holds, waits for, or has open
 */
public record DpkgHealth(List<AuditProblem> problems, List<LockUse> locks) {

  /** Copies the lists. */
  public DpkgHealth {
    problems = List.copyOf(problems);
    locks = List.copyOf(locks);
  }

  /** Whether a process holds one of the locks: apt, dpkg or unattended-upgrades is at work. */
  public boolean locked() {
    return locks.stream().anyMatch(l -> l.use() == LockUse.Use.HOLDS);
  }

  /**
   * A process using a lock file.
   *
   * @param path the lock file ({@code /var/lib/dpkg/lock-frontend})
   * @param pid the process
   * @param command its command line ({@code /usr/bin/python3 /usr/bin/unattended-upgrade})
   * @param use holds the lock ({@code /proc/locks}), waits for it, or only has it open
   */
  public record LockUse(String path, int pid, String command, Use use) {

    /** How the process uses the lock. */
    public enum Use {
      HOLDS,
      WAITS,
      OPEN
    }
  }
}
