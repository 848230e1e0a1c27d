package org.herd.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a process started, in terms that do not move when the wall clock is stepped: the boot it
 * runs in ({@code /proc/sys/kernel/random/boot_id}, first 8 hex digits) and its start time in clock
 * ticks since that boot (field 22 of {@code /proc/PID/stat}). Two readings of one process are
 * equal; a later process that reused the pid, or any process after a reboot, differs.
 *
 * <p>The JVM's {@link ProcessHandle.Info#startInstant()} is not used for this: it adds the ticks to
 * the boot time in wall-clock terms, which shifts when NTP steps the clock, so two JVMs can
 * disagree about one process by seconds.
 */
public record ProcessStart(String boot, long ticks) {

  private static final Pattern TEXT = Pattern.compile("(?<boot>[0-9a-f]{8})\\+(?<ticks>\\d+)");

  public ProcessStart {
    if (!boot.matches("[0-9a-f]{8}") || ticks < 0) {
      throw new IllegalArgumentException("not a process start: " + boot + "+" + ticks);
    }
  }

  /** How a holder's text records it: {@code BOOT+TICKS}. */
  public String text() {
    return boot + "+" + ticks;
  }

  /** Reads {@link #text()} back; empty when it is not one. */
  public static Optional<ProcessStart> parse(String text) {
    Matcher m = TEXT.matcher(text);
    return m.matches()
        ? Optional.of(new ProcessStart(m.group("boot"), Long.parseLong(m.group("ticks"))))
        : Optional.empty();
  }

  /** The start of process {@code pid} on this machine; empty when it does not run or not Linux. */
  public static Optional<ProcessStart> of(long pid) {
    try {
      String boot =
          Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip().replace("-", "");
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return fromStat(boot, stat);
    } catch (IOException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the start from a boot id and a {@code /proc/PID/stat} line. The command name (field 2) is
   * in parentheses and may hold spaces and parentheses itself, so fields are counted from the last
   * {@code ')'}: the field after it is the 3rd, the start time the 22nd.
   */
  static Optional<ProcessStart> fromStat(String bootId, String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0 || bootId.length() < 8) {
      return Optional.empty();
    }
    String[] fields = stat.substring(end + 1).strip().split("\\s+");
    int startTime = 22 - 3;
    if (fields.length <= startTime) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ProcessStart(
              bootId.substring(0, 8).toLowerCase(java.util.Locale.ROOT),
              Long.parseLong(fields[startTime])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
