package org.herd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether this machine can run a lab: root, overlayfs, and the tools the lab drives ({@link
 * MachineSetup} installs missing ones). Tests use it to skip with the reason rather than fail.
 */
public final class MachineCheck {

  /**
   * A program the lab runs, with the Debian package that provides it.
   *
   * @param program the command's name, looked up in the usual binary directories
   * @param pkg the Debian package to install for it
   */
  public record Tool(String program, String pkg) {}

  /** Every program the lab runs. */
  static final List<Tool> TOOLS =
      List.of(
          new Tool("debootstrap", "debootstrap"),
          new Tool("systemd-nspawn", "systemd-container"),
          new Tool("nsenter", "util-linux"),
          new Tool("setsid", "util-linux"),
          new Tool("ip", "iproute2"),
          new Tool("gpg", "gpg"),
          new Tool("gpgconf", "gpgconf"),
          new Tool("gpg-agent", "gpg-agent"),
          new Tool("dpkg-deb", "dpkg"),
          new Tool("apt-get", "apt"),
          new Tool("ssh-keygen", "openssh-client"));

  private MachineCheck() {}

  /** The tools of {@code wanted} that {@code onPath} does not find. */
  static List<Tool> missing(List<Tool> wanted, Predicate<String> onPath) {
    return wanted.stream().filter(tool -> !onPath.test(tool.program())).toList();
  }

  /** Why the lab cannot run here, or empty when it can. */
  public static Optional<String> whyNot() {
    if (!isRoot()) {
      return Optional.of("the lab needs root (network namespaces, mounts, containers)");
    }
    List<Tool> missing = missing(TOOLS, MachineCheck::onPath);
    if (!missing.isEmpty()) {
      return Optional.of(
          "missing "
              + String.join(
                  ", ",
                  missing.stream()
                      .map(tool -> tool.program() + " (apt-get install " + tool.pkg() + ")")
                      .toList()));
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

  /** Whether herd runs as root. */
  public static boolean isRoot() {
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

  /** Whether {@code program} is in one of the usual binary directories. */
  public static boolean onPath(String program) {
    for (String dir :
        List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
