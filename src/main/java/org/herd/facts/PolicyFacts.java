package org.herd.facts;

import java.util.List;
import org.herd.debian.AptPin;
import org.herd.debian.PolicyRcd;
import org.herd.debian.ServicePolicyRule;
import org.herd.debian.UnattendedUpgrades;

/**
 * The host's own rules about upgrades and service restarts.
 *
 * @param policyRcd who answers invoke-rc.d's questions ({@code /usr/sbin/policy-rc.d})
 * @param servicePolicies the rules of {@code /etc/service-policy.d/*.pol}, in evaluation order
 * @param pins apt preferences stanzas ({@code /etc/apt/preferences}, {@code preferences.d/*} that
 *     apt reads)
 * @param unattendedUpgrades whether unattended-upgrades runs by itself, and from which origins
 * @param unattendedUpgradesEnabled {@link UnattendedUpgrades#enabled()}, stated for JSON readers
 * @param herdGuard herd's own service guard, if a run left one (null in facts stored before herd
 *     read it)
 */
public record PolicyFacts(
    PolicyRcd policyRcd,
    List<ServicePolicyRule> servicePolicies,
    List<AptPin> pins,
    UnattendedUpgrades unattendedUpgrades,
    boolean unattendedUpgradesEnabled,
    GuardFacts herdGuard) {

  /** Copies the lists. */
  public PolicyFacts {
    servicePolicies = List.copyOf(servicePolicies);
    pins = List.copyOf(pins);
  }

  /** Facts without herd's guard (none on the host). */
  public PolicyFacts(
      PolicyRcd policyRcd,
      List<ServicePolicyRule> servicePolicies,
      List<AptPin> pins,
      UnattendedUpgrades unattendedUpgrades,
      boolean unattendedUpgradesEnabled) {
    this(
        policyRcd,
        servicePolicies,
        pins,
        unattendedUpgrades,
        unattendedUpgradesEnabled,
        GuardFacts.NONE);
  }
}
