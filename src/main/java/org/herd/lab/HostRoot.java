package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host's root filesystem: an overlay whose lower layer is the shared, read-only base image and
 * whose upper layer is the host's own directory, so a host starts in a second and a reset is
 * deleting a directory.
 *
 * <pre>
 * LABDIR/hosts/NAME-i/upper   what the host changed
 * LABDIR/hosts/NAME-i/work    overlayfs' scratch space
 * LABDIR/hosts/NAME-i/root    the mounted root nspawn boots
 * </pre>
 */
public final class HostRoot {

  private final Path dir;
  private final Path base;
  private final ProcessRunner runner;
  private final MountTable mounts;

  /** The root of the host whose directory is {@code dir}, over {@code base}. */
  public HostRoot(Path dir, Path base, ProcessRunner runner) {
    this.dir = dir;
    this.base = base;
    this.runner = runner;
    this.mounts = MountTable.system(runner);
  }

  /** The mounted root. */
  public Path root() {
    return dir.resolve("root");
  }

  /** Mounts the overlay (recorded in {@code journal} first) unless it is mounted. */
  public void mount(StateJournal journal) {
    try {
      for (String sub : new String[] {"upper", "work", "root"}) {
        Files.createDirectories(dir.resolve(sub));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
    }
    journal.record(new Resource.Mount(root().toString()));
    if (mounts.isMountPoint(root())) {
      return;
    }
    runner.check(
        cmd(
            "mount",
            "-t",
            "overlay",
            "overlay",
            "-o",
            "lowerdir="
                + base
                + ",upperdir="
                + dir.resolve("upper")
                + ",workdir="
                + dir.resolve("work"),
            root().toString()));
  }

  /** Unmounts the overlay and forgets everything the host changed. */
  public void wipe() {
    mounts.unmountAll(root());
    try {
      Trees.delete(dir.resolve("upper"));
      Trees.delete(dir.resolve("work"));
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot wipe: " + e.getMessage(), e);
    }
  }

  /** Writes {@code content} to {@code path} (absolute, inside the host) with mode {@code mode}. */
  public void write(String path, String content, int mode) {
    Path target = root().resolve(path.substring(1));
    try {
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(target);
      Files.writeString(target, content);
      Files.setPosixFilePermissions(target, DebBuilder.permissions(mode));
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": " + e.getMessage(), e);
    }
  }

  /** Creates directory {@code path} (absolute, inside the host) with mode {@code mode}. */
  public void directory(String path, int mode) {
    Path target = root().resolve(path.substring(1));
    try {
      Files.createDirectories(target);
      Files.setPosixFilePermissions(target, DebBuilder.permissions(mode));
    } catch (IOException e) {
      throw new UncheckedIOException(target + ": " + e.getMessage(), e);
    }
  }
}
