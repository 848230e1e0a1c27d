package org.herd.facts;

import java.util.List;
import org.herd.debian.KernelStatus;
import org.herd.debian.PackageName;

/**
 * Whether the host needs a reboot.
 *
 * @param required the flag file exists or the kernel verdict needs a reboot
 * @param flagFile {@code /run/reboot-required} exists (written by package postinst scripts)
 * @param packages {@code /run/reboot-required.pkgs}: the packages that asked for it
 * @param kernel the kernel comparison's verdict
 */
public record RebootFacts(
    boolean required, boolean flagFile, List<PackageName> packages, KernelStatus.Verdict kernel) {

  /** Copies the list. */
  public RebootFacts {
    packages = List.copyOf(packages);
  }
}
