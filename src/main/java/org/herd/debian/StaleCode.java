package org.herd.debian;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * needrestart's rules for "this process runs code that is no longer on disk", without needrestart:
 * an executable that is deleted, an executable file mapping marked {@code (deleted)}, or one whose
 * device and inode differ from the file now at that path. The blacklists are needrestart's defaults
 * (3.6, {@code $nrconf{blacklist}} and {@code $nrconf{blacklist_mappings}}): memfd, {@code /dev},
 * SysV shared memory, temporary directories and JIT files are not code an upgrade replaces. Like
 * needrestart's default ({@code skip_mapfiles = -1}), a mapped path that no longer exists is not a
 * finding by itself.
 */
public final class StaleCode {

  private static final List<Pattern> IGNORED_EXECUTABLES =
      List.of(
          Pattern.compile("^/usr/bin/sudo(\\.dpkg-new)?$"),
          Pattern.compile("^/s?bin/(dhclient|dhcpcd5|pump|udhcpc)(\\.dpkg-new)?$"),
          Pattern.compile("^/usr/s?bin/(dhclient|dhcpcd5|pump|udhcpc)(\\.dpkg-new)?$"),
          Pattern.compile("^/usr/bin/apt-get(\\.dpkg-new)?$"),
          Pattern.compile("^/memfd:"));
  private static final List<Pattern> IGNORED_MAPPINGS =
      List.of(
          Pattern.compile("^/(SYSV00000000|drm(\\s|$)|dev/)"),
          Pattern.compile("^/memfd:"),
          Pattern.compile("^/\\[aio\\]"),
          Pattern.compile("/orcexec\\.\\w+$"),
          Pattern.compile("/#\\d+$"),
          Pattern.compile("/jna\\d+\\.tmp$"),
          Pattern.compile("^(/var)?/tmp/"),
          Pattern.compile("^(/var)?/run/"));

  /** Majors of device-less file systems, whose device numbers maps and stat do not agree on. */
  private static final List<Long> ANONYMOUS_MAJORS = List.of(0L, 144L, 145L, 146L);

  private StaleCode() {}

  /**
   * Whether a {@code /proc/PID/exe} target means the process runs a deleted binary.
   *
   * @param exeLink the link target as readlink prints it (with {@code " (deleted)"})
   */
  public static boolean isDeletedExecutable(String exeLink) {
    if (exeLink == null || !exeLink.endsWith(" (deleted)")) {
      return false;
    }
    String path = exeLink.substring(0, exeLink.length() - " (deleted)".length());
    return IGNORED_EXECUTABLES.stream().noneMatch(p -> p.matcher(path).find());
  }

  /**
   * The finding for one mapping, if any.
   *
   * @param line the maps line
   * @param onDisk the device number ({@code st_dev}) and inode of the file now at the mapped path,
   *     or null when the file does not exist (or was not checked)
   */
  public static Optional<RestartReason> check(MapsLine line, FileIdentity onDisk) {
    if (!line.isExecutableFile() || isIgnoredMapping(line.path())) {
      return Optional.empty();
    }
    if (line.deleted()) {
      return Optional.of(RestartReason.DELETED_MAPPING);
    }
    if (onDisk == null) {
      return Optional.empty();
    }
    boolean sameDevice =
        line.device().startsWith("00:")
            || ANONYMOUS_MAJORS.contains(onDisk.major())
            || line.device().equals(onDisk.glibcDevice())
            || line.device().equals(onDisk.traditionalDevice());
    return sameDevice && line.inode() == onDisk.inode()
        ? Optional.empty()
        : Optional.of(RestartReason.REPLACED_MAPPING);
  }

  /** Whether needrestart's default blacklist excludes this mapped path. */
  public static boolean isIgnoredMapping(String path) {
    return IGNORED_MAPPINGS.stream().anyMatch(p -> p.matcher(path).find());
  }

  /**
   * A file's identity on disk, as {@code stat -c '%d %i'} prints it.
   *
   * @param device {@code st_dev} as a decimal number
   * @param inode the inode number
   */
  public record FileIdentity(long device, long inode) {

    /** The major number, decoded as glibc's {@code gnu_dev_major}. */
    public long major() {
      return ((device >>> 8) & 0xfff) | ((device >>> 32) & ~0xfffL);
    }

    /** The minor number, decoded as glibc's {@code gnu_dev_minor}. */
    public long minor() {
      return (device & 0xff) | ((device >>> 12) & 0xffffff00L);
    }

    /** The device as {@code /proc/PID/maps} and {@code /proc/locks} print it. */
    public String glibcDevice() {
      return String.format("%02x:%02x", major(), minor());
    }

    /** The device with the old 8:8 bit split, which some kernels' maps used. */
    String traditionalDevice() {
      return String.format("%02x:%02x", device >>> 8, device & 0xff);
    }
  }
}
