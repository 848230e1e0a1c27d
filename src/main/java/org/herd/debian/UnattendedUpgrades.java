package org.herd.debian;

import java.util.List;

/**
 * Whether unattended-upgrades will upgrade this host by itself, and from where: what matters before
 * herd coordinates upgrades (its maintainer: "synchronizing updates across multiple machines is out
 * of scope for u-u").
 *
 * @param installed the unattended-upgrades package is installed
 * @param periodicUnattendedUpgrade {@code APT::Periodic::Unattended-Upgrade} ({@code "1"} = every
 *     day), or null when unset
 * @param periodicUpdateLists {@code APT::Periodic::Update-Package-Lists}, or null
 * @param timer {@code systemctl is-enabled apt-daily-upgrade.timer} ({@code enabled}, {@code
 *     disabled}, {@code masked}), or null when unknown
 * @param originsPatterns {@code Unattended-Upgrade::Origins-Pattern}, raw ({@code
 *     ${distro_codename}} not expanded)
 * @param allowedOrigins the legacy {@code Unattended-Upgrade::Allowed-Origins}
 * @param packageBlacklist {@code Unattended-Upgrade::Package-Blacklist}
 * @param automaticReboot {@code Unattended-Upgrade::Automatic-Reboot} is true
 */
public record UnattendedUpgrades(
    boolean installed,
    String periodicUnattendedUpgrade,
    String periodicUpdateLists,
    String timer,
    List<String> originsPatterns,
    List<String> allowedOrigins,
    List<String> packageBlacklist,
    boolean automaticReboot) {

  /** Copies the lists. */
  public UnattendedUpgrades {
    originsPatterns = List.copyOf(originsPatterns);
    allowedOrigins = List.copyOf(allowedOrigins);
    packageBlacklist = List.copyOf(packageBlacklist);
  }

  /**
   * Whether it runs by itself: installed, its APT::Periodic interval set and not {@code 0}, and the
   * timer that triggers it not disabled or masked.
   */
  public boolean enabled() {
    boolean periodic =
        periodicUnattendedUpgrade != null
            && !periodicUnattendedUpgrade.isBlank()
            && !periodicUnattendedUpgrade.strip().equals("0")
            && !periodicUnattendedUpgrade.strip().equalsIgnoreCase("false");
    boolean timerOff = timer != null && (timer.equals("disabled") || timer.startsWith("masked"));
    return installed && periodic && !timerOff;
  }

  /** Reads the state from the apt configuration and the package and timer facts. */
  public static UnattendedUpgrades from(AptConf conf, boolean installed, String timer) {
    String reboot = conf.get("Unattended-Upgrade::Automatic-Reboot");
    return new UnattendedUpgrades(
        installed,
        conf.get("APT::Periodic::Unattended-Upgrade"),
        conf.get("APT::Periodic::Update-Package-Lists"),
        timer == null || timer.isBlank() ? null : timer,
        conf.list("Unattended-Upgrade::Origins-Pattern"),
        conf.list("Unattended-Upgrade::Allowed-Origins"),
        conf.list("Unattended-Upgrade::Package-Blacklist"),
        reboot != null && (reboot.equalsIgnoreCase("true") || reboot.equals("1")));
  }
}
