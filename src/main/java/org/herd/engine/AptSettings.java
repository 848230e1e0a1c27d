package org.herd.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.herd.debian.ConffilePolicy;
import org.herd.plan.HostPlan;
import org.herd.plan.PlannedInstall;
import org.herd.plan.PlannedRemoval;

/**
 * How herd calls apt-get on hosts: the conffile policy given to dpkg (by default {@code
 * --force-confdef --force-confold}: keep the admin's changes, take the maintainer's version only of
 * untouched files) and how long apt waits for a lock held by someone else before giving up.
 *
 * @param dpkgOptions options passed to dpkg with {@code -o Dpkg::Options::=}
 * @param lockWait apt's {@code DPkg::Lock::Timeout}
 */
public record AptSettings(List<String> dpkgOptions, Duration lockWait) {

  public static final AptSettings DEFAULT =
      new AptSettings(List.of("--force-confdef", "--force-confold"), Duration.ofMinutes(2));

  public AptSettings {
    dpkgOptions = List.copyOf(dpkgOptions);
    for (String option : dpkgOptions) {
      if (!option.matches("--force-[a-z-]+")) {
        throw new IllegalArgumentException("dpkg option '" + option + "': expected --force-...");
      }
    }
  }

  /** What dpkg does with conffiles under these options (before the host's own configuration). */
  public ConffilePolicy conffilePolicy() {
    return ConffilePolicy.of(dpkgOptions);
  }

  /**
   * The apt-get command for a host plan: {@code install PKG=VERSION...} plus {@code PKG-} for each
   * removal, with {@code extra} (such as {@code --download-only}) when not null.
   */
  List<String> aptGet(HostPlan plan, String extra) {
    List<String> pins = new ArrayList<>();
    plan.installs().forEach(i -> pins.add(i.pin()));
    if (extra == null) {
      plan.removals().forEach(r -> pins.add(removal(r)));
    }
    return aptGet(plan, extra, pins);
  }

  /**
   * The apt-get command that installs {@code pins} ({@code PKG=VERSION} and {@code PKG-} words) on
   * the host of {@code plan}, with {@code extra} (such as {@code -s}) when not null.
   */
  List<String> aptGet(HostPlan plan, String extra, List<String> pins) {
    List<String> argv = new ArrayList<>(List.of("apt-get", "-q", "-y"));
    argv.add("-o");
    argv.add("DPkg::Lock::Timeout=" + lockWait.toSeconds());
    for (String option : dpkgOptions) {
      argv.add("-o");
      argv.add("Dpkg::Options::=" + option);
    }
    argv.add("--no-install-recommends");
    if (plan.installs().stream().anyMatch(i -> i.action() == PlannedInstall.Action.DOWNGRADE)) {
      argv.add("--allow-downgrades");
    }
    if (extra != null) {
      argv.add(extra);
    }
    argv.add("install");
    argv.addAll(pins);
    return argv;
  }

  /** apt-get's suffixes: {@code PKG-} removes, {@code PKG_} purges. */
  private static String removal(PlannedRemoval removal) {
    return removal.pkg() + (removal.purge() ? "_" : "-");
  }

  /** The environment of the detached install: no questions, no restarts by needrestart. */
  Map<String, String> environment() {
    return Map.of(
        "DEBIAN_FRONTEND", "noninteractive",
        "APT_LISTCHANGES_FRONTEND", "none",
        "NEEDRESTART_SUSPEND", "1");
  }
}
