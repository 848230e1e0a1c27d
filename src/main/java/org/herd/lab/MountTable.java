package org.herd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The machine's mounts as {@code /proc/self/mountinfo} lists them, to find and remove what the lab
 * (or debootstrap, or nspawn on its behalf) mounted under a directory.
 */
public final class MountTable {

  private final Path mountinfo;
  private final ProcessRunner runner;

  /** A table read from {@code mountinfo}, unmounting with {@code runner}. */
  public MountTable(Path mountinfo, ProcessRunner runner) {
    this.mountinfo = mountinfo;
    this.runner = runner;
  }

  /** The table of this machine. */
  public static MountTable system(ProcessRunner runner) {
    return new MountTable(Path.of("/proc/self/mountinfo"), runner);
  }

  /** Every mount point at or below {@code dir}, deepest first (the order to unmount them). */
  public List<Path> under(Path dir) {
    Path base = dir.toAbsolutePath().normalize();
    List<Path> found = new ArrayList<>();
    for (Path point : mountPoints()) {
      if (point.startsWith(base)) {
        found.add(point);
      }
    }
    found.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    return found;
  }

  /** Whether {@code dir} is itself a mount point. */
  public boolean isMountPoint(Path dir) {
    return mountPoints().contains(dir.toAbsolutePath().normalize());
  }

  /** Unmounts everything at or below {@code dir}, lazily when a mount is busy. */
  public void unmountAll(Path dir) {
    for (Path point : under(dir)) {
      unmount(point);
    }
  }

  /** Unmounts {@code point}; a busy mount is detached lazily (it goes when its last user does). */
  public void unmount(Path point) {
    if (!isMountPoint(point)) {
      return;
    }
    ProcessRunner.Result result = runner.run(ProcessRunner.cmd("umount", point.toString()));
    if (!result.ok() && isMountPoint(point)) {
      runner.check(ProcessRunner.cmd("umount", "--lazy", point.toString()));
    }
  }

  List<Path> mountPoints() {
    try {
      List<Path> points = new ArrayList<>();
      for (String line : Files.readAllLines(mountinfo)) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          points.add(Path.of(unescape(fields[4])));
        }
      }
      return points;
    } catch (IOException e) {
      throw LabException.failed(mountinfo + ": unreadable: " + e.getMessage(), e);
    }
  }

  /** Undoes the octal escapes ({@code \040} for a space) of mountinfo. */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
