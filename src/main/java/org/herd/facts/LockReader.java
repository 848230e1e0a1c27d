package org.herd.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herd.debian.FileLock;
import org.herd.debian.Parsed;
import org.herd.debian.StaleCode.FileIdentity;
import org.herd.facts.DpkgHealth.LockUse;

/**
 * Reads the probe's {@code locks} section: {@code lockfile DEV INODE PATH} for each dpkg/apt lock
 * file, {@code posix-lock LINE} for the {@code /proc/locks} lines on those files, {@code open
 * /proc/PID/fd/N<TAB>PATH} for processes that have one open, and {@code
 * process<TAB>PID<TAB>CMDLINE}.
 */
final class LockReader {

  private LockReader() {}

  static Parsed<List<LockUse>> read(List<String> lines) {
    List<String> warnings = new ArrayList<>();
    Map<String, FileIdentity> files = new LinkedHashMap<>();
    List<String> lockLines = new ArrayList<>();
    Map<Integer, String> commands = new HashMap<>();
    List<LockUse> opens = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("lockfile ")) {
        String[] f = line.split(" ", 4);
        if (f.length == 4 && f[1].matches("\\d{1,20}") && f[2].matches("\\d{1,20}")) {
          files.put(
              f[3], new FileIdentity(Long.parseUnsignedLong(f[1]), Long.parseUnsignedLong(f[2])));
        } else {
          warnings.add("locks: unexpected line: " + line);
        }
      } else if (line.startsWith("posix-lock ")) {
        lockLines.add(line.substring("posix-lock ".length()));
      } else if (line.startsWith("open ")) {
        String[] f = line.substring(5).split("\t", 2);
        String[] path = f[0].split("/");
        if (f.length == 2 && path.length >= 3 && path[2].matches("\\d{1,9}")) {
          opens.add(new LockUse(f[1], Integer.parseInt(path[2]), null, LockUse.Use.OPEN));
        } else {
          warnings.add("locks: unexpected line: " + line);
        }
      } else if (line.startsWith("process\t")) {
        String[] f = line.split("\t", 3);
        if (f.length == 3 && f[1].matches("\\d{1,9}")) {
          commands.put(Integer.parseInt(f[1]), f[2].strip());
        }
      } else {
        warnings.add("locks: unexpected line: " + line);
      }
    }
    Parsed<List<FileLock>> locks = FileLock.parse(String.join("\n", lockLines));
    warnings.addAll(locks.warnings());
    List<LockUse> uses = new ArrayList<>();
    for (FileLock lock : locks.value()) {
      files.forEach(
          (path, id) -> {
            if (lock.isOn(id)) {
              uses.add(
                  new LockUse(
                      path,
                      lock.pid(),
                      commands.get(lock.pid()),
                      lock.waiting() ? LockUse.Use.WAITS : LockUse.Use.HOLDS));
            }
          });
    }
    for (LockUse open : opens) {
      boolean known =
          uses.stream().anyMatch(u -> u.pid() == open.pid() && u.path().equals(open.path()));
      if (!known) {
        uses.add(new LockUse(open.path(), open.pid(), commands.get(open.pid()), LockUse.Use.OPEN));
      }
    }
    return new Parsed<>(uses, warnings);
  }
}
