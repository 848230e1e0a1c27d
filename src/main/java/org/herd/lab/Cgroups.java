package org.herd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One control group per lab host. With {@code --keep-unit} and no systemd as PID 1, nspawn puts the
 * container under the cgroup it was started in; two containers started from the same process would
 * then share one cgroup tree, and their systemd instances would remove each other's unit cgroups
 * ("Failed at step CGROUP"). Each container is therefore started inside its own {@code
 * herd-lab/HOST} cgroup, in every hierarchy systemd uses: the unified one on a cgroup v2 machine,
 * {@code name=systemd} and {@code unified} on a hybrid one.
 */
public final class Cgroups {

  private final Path fs;

  /** The cgroup hierarchies mounted under {@code fs} (usually /sys/fs/cgroup). */
  public Cgroups(Path fs) {
    this.fs = fs;
  }

  /** The machine's cgroups. */
  public static Cgroups system() {
    return new Cgroups(Path.of("/sys/fs/cgroup"));
  }

  /** The hierarchies in which the lab makes its cgroups. */
  public List<Path> hierarchies() {
    if (Files.isRegularFile(fs.resolve("cgroup.controllers"))) {
      return List.of(fs);
    }
    List<Path> found = new ArrayList<>();
    for (String name : List.of("systemd", "unified")) {
      if (Files.isRegularFile(fs.resolve(name).resolve("cgroup.procs"))) {
        found.add(fs.resolve(name));
      }
    }
    return found;
  }

  /** The cgroups of host {@code hostName}, one per hierarchy. */
  public List<Path> of(String hostName) {
    return hierarchies().stream().map(h -> h.resolve("herd-lab").resolve(hostName)).toList();
  }

  /**
   * A shell prefix that moves itself into {@code cgroups} and then execs the rest of its arguments:
   * {@code sh -c SCRIPT sh CGROUP… -- COMMAND…}.
   */
  public static List<String> enter(List<Path> cgroups, List<String> command) {
    List<String> all = new ArrayList<>();
    all.add("/bin/sh");
    all.add("-c");
    all.add(
        "while [ \"$1\" != -- ]; do mkdir -p \"$1\" && echo $$ > \"$1/cgroup.procs\" || exit 125;"
            + " shift; done; shift; exec \"$@\"");
    all.add("sh");
    cgroups.forEach(c -> all.add(c.toString()));
    all.add("--");
    all.addAll(command);
    return all;
  }

  /** The lab's host cgroups left in any hierarchy, for lab {@code lab}. */
  public List<Path> leftovers(String lab) {
    List<Path> found = new ArrayList<>();
    for (Path hierarchy : hierarchies()) {
      Path parent = hierarchy.resolve("herd-lab");
      if (!Files.isDirectory(parent)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(parent)) {
        dirs.filter(Files::isDirectory)
            .filter(
                d ->
                    d.getFileName()
                        .toString()
                        .matches(java.util.regex.Pattern.quote(lab) + "-\\d+"))
            .forEach(found::add);
      } catch (IOException e) {
        // Nothing to find.
      }
    }
    return found;
  }

  /** The processes in {@code cgroup} and every cgroup below it. */
  public static List<Long> processes(Path cgroup) {
    List<Long> pids = new ArrayList<>();
    for (Path dir : tree(cgroup)) {
      try {
        for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
          if (!line.isBlank()) {
            pids.add(Long.parseLong(line.strip()));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // Removed meanwhile.
      }
    }
    return pids;
  }

  /**
   * Kills whatever still runs in {@code cgroup} (a container whose nspawn died before it could stop
   * it: its processes are the lab's by construction, the cgroup being the lab's own), then removes
   * it and the cgroups below it, deepest first. A cgroup is busy for a moment after its last
   * process died, hence the retries.
   */
  public static void remove(Path cgroup) {
    Deadline deadline = Deadline.in(Duration.ofSeconds(60));
    while (Files.isDirectory(cgroup) && deadline.pending()) {
      for (long pid : processes(cgroup)) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
      List<Path> dirs = tree(cgroup);
      dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      for (Path dir : dirs) {
        try {
          Files.delete(dir);
        } catch (IOException e) {
          // Busy: processes are still leaving it.
        }
      }
      if (Files.isDirectory(cgroup)) {
        Container.sleep(Duration.ofMillis(200));
      }
    }
    try {
      Files.delete(cgroup.getParent());
    } catch (IOException e) {
      // Other labs' hosts are still in it, or it is already gone.
    }
  }

  private static List<Path> tree(Path cgroup) {
    List<Path> dirs = new ArrayList<>();
    if (!Files.isDirectory(cgroup)) {
      return dirs;
    }
    try (Stream<Path> walk = Files.walk(cgroup)) {
      walk.filter(Files::isDirectory).forEach(dirs::add);
    } catch (IOException | java.io.UncheckedIOException e) {
      // Removed meanwhile.
    }
    return dirs;
  }
}
