package org.herd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this machine can run a lab: root, overlayfs, and the tools the lab drives. Tests use it
 * to skip with the reason rather than fail.
 */
public final class MachineCheck {

  /** Every program the lab runs, with the Debian package that provides it. */
  static final List<String[]> TOOLS =
      List.of(
          new String[] {"debootstrap", "debootstrap"},
          new String[] {"systemd-nspawn", "systemd-container"},
          new String[] {"nsenter", "util-linux"},
          new String[] {"setsid", "util-linux"},
          new String[] {"ip", "iproute2"},
          new String[] {"gpg", "gpg"},
          new String[] {"gpgconf", "gpgconf"},
          new String[] {"gpg-agent", "gpg-agent"},
          new String[] {"dpkg-deb", "dpkg"},
          new String[] {"apt-get", "apt"},
          new String[] {"ssh-keygen", "openssh-client"});

  private MachineCheck() {}

  /** Why the lab cannot run here, or empty when it can. */
  public static Optional<String> whyNot() {
    if (!isRoot()) {
      return Optional.of("the lab needs root (network namespaces, mounts, containers)");
    }
    List<String> missing = new ArrayList<>();
    for (String[] tool : TOOLS) {
      if (!onPath(tool[0])) {
        missing.add(tool[0] + " (apt-get install " + tool[1] + ")");
      }
    }
    if (!missing.isEmpty()) {
      return Optional.of("missing " + String.join(", ", missing));
    }
    try {
      if (!Files.readString(Path.of("/proc/filesystems")).contains("overlay")) {
        return Optional.of("the kernel has no overlayfs (modprobe overlay)");
      }
    } catch (IOException e) {
      return Optional.of("/proc/filesystems: unreadable");
    }
    return Optional.empty();
  }

  /** Throws a {@link LabException} naming what is missing, unless the lab can run here. */
  public static void require() {
    whyNot()
        .ifPresent(
            why -> {
              throw LabException.failed("lab: " + why);
            });
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  static boolean onPath(String program) {
    for (String dir :
        List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
