package org.herd.debian;

import java.util.regex.Pattern;

/**
 * The systemd unit a process belongs to, read from its cgroup path the way needrestart does: the
 * last {@code .service} component names the unit; a {@code session-N.scope} is a login session; a
 * unit under {@code user@UID.service} belongs to a user's manager; a process under {@code
 * machine.slice} runs in a container or VM whose own init must restart it.
 *
 * @param name the unit ({@code ssh.service}, {@code session-3.scope}), or null for {@link
 *     Kind#NONE}
 * @param kind what kind of unit it is
 * @param cgroup the cgroup path it was read from ({@code /system.slice/ssh.service})
 */
public record SystemdUnit(String name, Kind kind, String cgroup) {

  /**
   * What a unit name may be (systemd.unit(5): ASCII letters, digits, {@code :-_.\\} and {@code @},
   * at most 255 characters; herd also takes {@code +}, and no backslash escapes).
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._:+-]{0,255}");

  /** Whether {@code name} is a unit name herd may pass to systemctl and to its guard. */
  public static boolean isName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** What restarting the process means. */
  public enum Kind {
    /** A system service: {@code systemctl restart NAME}. */
    SERVICE,
    /** A service of a user's manager ({@code user@1000.service}). */
    USER_SERVICE,
    /** A login session: the user has to log out and in again. */
    SESSION,
    /** Another scope (a container runtime's, a transient unit's). */
    SCOPE,
    /** A process of a container or VM registered with systemd-machined. */
    CONTAINER,
    /** Not in any unit: no systemd, or the root cgroup. */
    NONE
  }

  /**
   * Reads the unit from the lines of {@code /proc/PID/cgroup}: the unified hierarchy ({@code
   * 0::PATH}) or the {@code name=systemd} hierarchy of cgroup v1, whichever names a unit.
   */
  public static SystemdUnit fromCgroupFile(Iterable<String> lines) {
    String unified = null;
    String named = null;
    for (String line : lines) {
      if (line.startsWith("0::")) {
        unified = line.substring(3).strip();
      } else {
        int i = line.indexOf(":name=systemd:");
        if (i >= 0) {
          named = line.substring(i + ":name=systemd:".length()).strip();
        }
      }
    }
    String path = named != null && !named.equals("/") ? named : unified;
    return fromPath(path == null ? "/" : path);
  }

  /** Reads the unit from a cgroup path. */
  public static SystemdUnit fromPath(String path) {
    String[] parts = path.split("/");
    String service = null;
    String scope = null;
    String userManager = null;
    boolean machine = false;
    for (String part : parts) {
      if (part.equals("machine.slice")) {
        machine = true;
      } else if (part.endsWith(".service")) {
        if (machine) {
          return new SystemdUnit(part, Kind.CONTAINER, path);
        }
        if (part.matches("user@\\d+\\.service")) {
          userManager = part;
        } else {
          service = part;
        }
      } else if (part.endsWith(".scope")) {
        if (machine) {
          return new SystemdUnit(part, Kind.CONTAINER, path);
        }
        scope = part;
      }
    }
    if (service != null) {
      return new SystemdUnit(service, userManager != null ? Kind.USER_SERVICE : Kind.SERVICE, path);
    }
    if (userManager != null) {
      // The user's manager itself (its init.scope) or a scope it runs: restarted with the manager.
      return new SystemdUnit(userManager, Kind.SERVICE, path);
    }
    if (scope != null) {
      return new SystemdUnit(
          scope, scope.matches("session-.+\\.scope") ? Kind.SESSION : Kind.SCOPE, path);
    }
    return new SystemdUnit(null, Kind.NONE, path);
  }
}
