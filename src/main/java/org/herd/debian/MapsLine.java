package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code /proc/PID/maps}: {@code address perms offset dev inode path}.
 *
 * @param address the address range
 * @param permissions e.g. {@code r-xp}
 * @param device the device as the kernel prints it, {@code major:minor} in hex ({@code fe:00})
 * @param inode the inode number, 0 for anonymous mappings
 * @param path the mapped path without the {@code " (deleted)"} suffix; empty for anonymous memory
 * @param deleted whether the kernel marked the path {@code (deleted)}
 */
public record MapsLine(
    String address, String permissions, String device, long inode, String path, boolean deleted) {

  private static final Pattern LINE =
      Pattern.compile(
          "([0-9a-f]+-[0-9a-f]+) +(\\S{4}) +([0-9a-f]+) +([0-9a-f]+:[0-9a-f]+) +(\\d+) *(.*)");
  private static final String DELETED = " (deleted)";

  /** Parses a line, or returns null when it is not a maps line. */
  public static MapsLine parse(String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches() || m.group(5).length() > 18) {
      return null;
    }
    String path = m.group(6);
    boolean deleted = path.endsWith(DELETED);
    if (deleted) {
      path = path.substring(0, path.length() - DELETED.length());
    }
    return new MapsLine(
        m.group(1), m.group(2), m.group(4), Long.parseLong(m.group(5)), path, deleted);
  }

  /** Whether the mapping is executable code from a file (what needrestart looks at). */
  @JsonIgnore
  public boolean isExecutableFile() {
    return permissions.indexOf('x') >= 0 && inode != 0 && path.startsWith("/");
  }
}
