package org.herd.engine;

/**
 * Where the guard lives on a host. {@link #standard()} in production; tests point them into a
 * temporary directory to run the guard scripts on this machine.
 *
 * @param directory the guard's own files: {@code services}, {@code lease}, {@code run}, {@code
 *     mode}, {@code spool}, and the foreign {@code policy-rc.d.orig} while the guard is installed
 * @param policyRcd the policy-rc.d invoke-rc.d and deb-systemd-invoke consult
 * @param servicePolicyDir policy-rcd-declarative's rule directory
 * @param declarative where policy-rcd-declarative's script is: a policy-rc.d resolving to it means
 *     the host uses declarative rules
 */
public record GuardPaths(
    String directory, String policyRcd, String servicePolicyDir, String declarative) {

  /** The paths on a Debian host. */
  public static GuardPaths standard() {
    return new GuardPaths(
        "/var/lib/herd/guard",
        "/usr/sbin/policy-rc.d",
        "/etc/service-policy.d",
        "/usr/sbin/policy-rc.d-declarative");
  }

  /** The spool of denied requests. */
  public String spool() {
    return directory + "/spool";
  }

  /** The guard's rules file when the host uses policy-rcd-declarative. */
  public String rulesFile() {
    return servicePolicyDir + "/00-herd.pol";
  }
}
