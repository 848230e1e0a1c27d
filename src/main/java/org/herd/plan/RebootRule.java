package org.herd.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.herd.debian.PackageName;

/**
 * Which installs need a reboot to take effect. The rule is by package name, because the plan is
 * made before anything is installed: a postinst that writes {@code /run/reboot-required} is only
 * seen afterwards (herd status shows that flag).
 *
 * <ul>
 *   <li>{@code linux-image-*}: a kernel (the running kernel is replaced only by booting);
 *   <li>{@code xen-hypervisor-*}: the hypervisor;
 *   <li>{@code intel-microcode}, {@code amd64-microcode}: CPU microcode, loaded at boot;
 *   <li>{@code firmware-*}, {@code linux-firmware}: device firmware, loaded when drivers start;
 *   <li>{@code dbus}, {@code dbus-daemon}, {@code dbus-broker}: the system bus, which Debian does
 *       not restart in place.
 * </ul>
 *
 * Libraries (libc6, libssl) are not on the list: restarting the services that use them is enough,
 * and that is what the restart step does.
 */
public final class RebootRule {

  private RebootRule() {}

  /** Why installing {@code pkg} needs a reboot, or empty when it does not. */
  public static Optional<String> reason(PackageName pkg) {
    String name = pkg.name();
    if (name.startsWith("linux-image-")) {
      return Optional.of("kernel");
    }
    if (name.startsWith("xen-hypervisor-")) {
      return Optional.of("hypervisor");
    }
    if (name.equals("intel-microcode") || name.equals("amd64-microcode")) {
      return Optional.of("CPU microcode");
    }
    if (name.startsWith("firmware-") || name.equals("linux-firmware")) {
      return Optional.of("firmware");
    }
    if (name.equals("dbus") || name.equals("dbus-daemon") || name.equals("dbus-broker")) {
      return Optional.of("system bus");
    }
    return Optional.empty();
  }

  /** The reboot need of installing these packages. */
  public static RebootNeed of(List<PlannedInstall> installs) {
    List<String> reasons = new ArrayList<>();
    for (PlannedInstall install : installs) {
      reason(install.pkg()).ifPresent(why -> reasons.add(install.pkg() + ": " + why));
    }
    return new RebootNeed(!reasons.isEmpty(), reasons);
  }
}
