package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link DebSpec} into a .deb with {@code dpkg-deb --build}: a tree with {@code
 * DEBIAN/control}, the scripts and the files, owned by root.
 */
public final class DebBuilder {

  private final ProcessRunner runner;

  /** Builds with the machine's {@code dpkg-deb}. */
  public DebBuilder(ProcessRunner runner) {
    this.runner = runner;
  }

  /** Builds {@code spec} into {@code outDir} and returns the .deb's path. */
  public Path build(DebSpec spec, Path outDir) {
    try {
      Files.createDirectories(outDir);
      Path tree = Files.createTempDirectory(outDir, ".build-" + spec.name() + "-");
      try {
        Files.setPosixFilePermissions(tree, permissions(0755));
        Path debian = tree.resolve("DEBIAN");
        directories(tree, debian);
        ControlStanza control = control(spec);
        Files.writeString(debian.resolve("control"), control.render());
        for (Map.Entry<String, String> script : new TreeMap<>(spec.scripts()).entrySet()) {
          write(debian.resolve(script.getKey()), script.getValue().getBytes(), 0755);
        }
        if (!spec.conffiles().isEmpty()) {
          write(
              debian.resolve("conffiles"),
              (String.join("\n", spec.conffiles()) + "\n").getBytes(),
              0644);
        }
        for (DebSpec.File file : spec.files()) {
          Path target = tree.resolve(file.path().substring(1));
          directories(tree, target.getParent());
          write(target, file.content(), file.mode());
        }
        Path out = outDir.resolve(DebianNames.debFileName(control));
        runner.check(
            cmd("dpkg-deb", "--root-owner-group", "-Zgzip", "-b", tree.toString(), out.toString()));
        PackageStanza.write(out, control);
        return out;
      } finally {
        Trees.delete(tree);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(spec.name() + ": cannot build: " + e.getMessage(), e);
    }
  }

  /** The control stanza of {@code spec}: the usual fields first, then the spec's own. */
  static ControlStanza control(DebSpec spec) {
    ControlStanza control = new ControlStanza();
    control.set("Package", spec.name());
    control.set("Version", spec.version());
    control.set("Architecture", spec.architecture());
    control.set("Maintainer", "herd lab <lab@herd.invalid>");
    for (String field : List.of("Section", "Priority", "Depends", "Description")) {
      if (spec.fields().containsKey(field)) {
        control.set(field, spec.fields().get(field));
      }
    }
    new TreeMap<>(spec.fields()).forEach(control::set);
    return control;
  }

  // Directories as dpkg expects them whatever the umask: 755, owned by root.
  private static void directories(Path tree, Path dir) throws IOException {
    Path at = tree;
    for (Path part : tree.relativize(dir)) {
      at = at.resolve(part);
      if (!Files.isDirectory(at)) {
        Files.createDirectory(at);
        Files.setPosixFilePermissions(at, permissions(0755));
      }
    }
  }

  private static void write(Path file, byte[] content, int mode) throws IOException {
    Files.write(file, content);
    Files.setPosixFilePermissions(file, permissions(mode));
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        set.add(order[bit]);
      }
    }
    return set;
  }
}
