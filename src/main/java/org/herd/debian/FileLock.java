package org.herd.debian;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code /proc/locks}: a lock held (or waited for, {@code ->}) by a process on a file
 * identified by device and inode. That is how herd tells who holds the dpkg and apt locks (apt and
 * dpkg use {@code fcntl} locks, which appear here as {@code POSIX}; open file description locks
 * appear as {@code OFDLCK} with pid -1).
 *
 * @param type {@code POSIX}, {@code FLOCK}, {@code OFDLCK}, ...
 * @param pid the owning process, -1 when the kernel does not tell
 * @param device {@code major:minor} in hex, as the kernel prints it
 * @param inode the inode number
 * @param waiting whether the process waits for the lock rather than holds it
 */
public record FileLock(String type, int pid, String device, long inode, boolean waiting) {

  private static final Pattern LINE =
      Pattern.compile(
          "\\d+: (->\\s+)?(\\S+)\\s+\\S+\\s+\\S+\\s+(-?\\d+)\\s+([0-9a-f]+:[0-9a-f]+):(\\d+)\\s.*");

  /** Parses {@code /proc/locks} lines; an unreadable line becomes a warning. */
  public static Parsed<List<FileLock>> parse(String content) {
    List<FileLock> locks = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String line : content.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip() + " ");
      if (!m.matches() || m.group(3).length() > 9 || m.group(5).length() > 18) {
        warnings.add("unexpected /proc/locks line: " + line);
        continue;
      }
      locks.add(
          new FileLock(
              m.group(2),
              Integer.parseInt(m.group(3)),
              m.group(4),
              Long.parseLong(m.group(5)),
              m.group(1) != null));
    }
    return new Parsed<>(locks, warnings);
  }

  /** Whether this lock is on the file with the given identity. */
  public boolean isOn(StaleCode.FileIdentity file) {
    return inode == file.inode() && device.equals(file.glibcDevice());
  }
}
