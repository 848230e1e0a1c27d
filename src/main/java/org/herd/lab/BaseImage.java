package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The base image every lab host boots: a debootstrap root cached under {@code <cache>/<recipe
 * hash>/rootfs} and never modified once built (hosts mount it read-only as the lower layer of an
 * overlay).
 *
 * <p>It is built once per recipe. The build runs in a {@code .build} directory renamed into place
 * when it is complete, under a file lock, so a crashed or concurrent build never leaves a half
 * image that a later {@code lab up} would trust.
 */
public final class BaseImage {

  private final LabPaths paths;
  private final DebianMirror mirror;
  private final ProcessRunner runner;
  private final MountTable mounts;

  /** Builds into {@code paths} from {@code mirror}. */
  public BaseImage(LabPaths paths, DebianMirror mirror, ProcessRunner runner) {
    this.paths = paths;
    this.mirror = mirror;
    this.runner = runner;
    this.mounts = MountTable.system(runner);
  }

  /** Where the image for {@code recipe} is built before it is moved into place. */
  public Path buildDir(ImageRecipe recipe) {
    return paths.cache().resolve(recipe.hash() + ".build");
  }

  /** The root filesystem of the image for {@code recipe}, if it is built. */
  public Path rootfs(ImageRecipe recipe) {
    return paths.image(recipe.hash()).resolve("rootfs");
  }

  /** Whether the image for {@code recipe} is built and complete. */
  public boolean cached(ImageRecipe recipe) {
    Path dir = paths.image(recipe.hash());
    return Files.isRegularFile(dir.resolve("recipe.txt"))
        && Files.isDirectory(dir.resolve("rootfs/etc"));
  }

  /** Returns the image for {@code recipe}, building it first if needed. */
  public Path ensure(ImageRecipe recipe, Progress progress) {
    return ensure(recipe, progress, handle -> {});
  }

  /**
   * Returns the image for {@code recipe}, building it first if needed; {@code started} learns of
   * the debootstrap process, so that a lab journal can record it and {@code lab down} stop it.
   */
  public Path ensure(ImageRecipe recipe, Progress progress, Consumer<ProcessHandle> started) {
    if (cached(recipe)) {
      return rootfs(recipe);
    }
    Path dir = paths.image(recipe.hash());
    try {
      Files.createDirectories(paths.cache());
      try (FileChannel channel =
              FileChannel.open(
                  paths.cache().resolve(recipe.hash() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        if (cached(recipe)) {
          return rootfs(recipe);
        }
        Path build = buildDir(recipe);
        discard(build);
        progress.say(
            "building the "
                + recipe.release().codename()
                + " base image with debootstrap (once; cached as "
                + dir
                + ")");
        Path root = build.resolve("rootfs");
        Files.createDirectories(root);
        Path debs = paths.cache().resolve("debootstrap-debs");
        Files.createDirectories(debs);
        runner
            .run(
                cmd(
                    "debootstrap",
                    "--variant=" + recipe.variant(),
                    "--include=" + String.join(",", recipe.packages()),
                    "--cache-dir=" + debs,
                    recipe.release().codename(),
                    root.toString(),
                    mirror.archive()),
                null,
                null,
                Duration.ofMinutes(30),
                started)
            .orThrow();
        mounts.unmountAll(build);
        finish(root);
        Files.writeString(build.resolve("recipe.txt"), recipe.describe());
        Files.move(build, dir);
        return rootfs(recipe);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("base image " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes a debootstrap root fit to be the shared lower layer of every host: no host keys, machine
   * id, hostname or apt sources of its own (each host gets its own in its upper layer), and no
   * timers that would run apt behind the back of a test.
   */
  private void finish(Path root) throws IOException {
    try (Stream<Path> keys = Files.list(root.resolve("etc/ssh"))) {
      for (Path key :
          keys.filter(p -> p.getFileName().toString().startsWith("ssh_host_")).toList()) {
        Files.delete(key);
      }
    }
    Files.writeString(root.resolve("etc/machine-id"), "");
    Files.deleteIfExists(root.resolve("var/lib/dbus/machine-id"));
    Files.deleteIfExists(root.resolve("etc/hostname"));
    Files.deleteIfExists(root.resolve("etc/apt/sources.list"));
    Files.createDirectories(root.resolve("etc/apt/keyrings"));
    Files.deleteIfExists(root.resolve("etc/resolv.conf"));
    Files.writeString(
        root.resolve("etc/resolv.conf"), "# herd lab: no DNS; lab host names are in /etc/hosts\n");
    Path lists = root.resolve("var/lib/apt/lists");
    try (Stream<Path> files = Files.list(lists)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals("lock")) {
          Files.delete(file);
        }
      }
    }
    Path units = root.resolve("etc/systemd/system");
    Files.createDirectories(units);
    for (String unit : List.of("apt-daily.timer", "apt-daily-upgrade.timer")) {
      Path link = units.resolve(unit);
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, Path.of("/dev/null"));
    }
  }

  /** Removes a directory tree, first unmounting whatever a crashed build left mounted in it. */
  private void discard(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    mounts.unmountAll(dir);
    if (!mounts.under(dir).isEmpty()) {
      throw LabException.failed(dir + ": still has mounts after a crashed build; unmount them");
    }
    Trees.delete(dir);
  }

  /** The names of every base image in the cache (for status). */
  public List<String> cachedHashes() {
    List<String> hashes = new ArrayList<>();
    try (Stream<Path> entries = Files.list(paths.cache())) {
      entries
          .filter(p -> Files.isRegularFile(p.resolve("recipe.txt")))
          .forEach(p -> hashes.add(p.getFileName().toString()));
    } catch (IOException e) {
      return List.of();
    }
    return hashes;
  }
}
