package org.herd.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Packages added to a lab with {@code herd lab publish}: copied into the lab directory (the
 * operator's file may go away) and listed in their own catalog, always shown.
 */
final class Published {

  private Published() {}

  static Path dir(Path labDir) {
    return labDir.resolve("published");
  }

  /** The published packages of the lab in {@code labDir}. */
  static PackageCatalog catalog(Path labDir) {
    return PackageCatalog.read(dir(labDir).resolve("catalog.json"))
        .orElse(new PackageCatalog(List.of()));
  }

  /**
   * Copies {@code debs} into the lab and adds them to its published catalog, replacing a package
   * published before with the same name and version.
   */
  static PackageCatalog add(Path labDir, List<Path> debs, ProcessRunner runner) {
    try {
      Path dir = dir(labDir);
      Files.createDirectories(dir);
      List<RepoEntry> entries = new ArrayList<>(catalog(labDir).entries());
      for (Path deb : debs) {
        if (!Files.isRegularFile(deb)) {
          throw LabException.badInput(deb + ": no such file");
        }
        ProcessRunner.Result fields =
            runner.run(ProcessRunner.cmd("dpkg-deb", "-f", deb.toString()));
        if (!fields.ok()) {
          throw LabException.badInput(deb + ": not a Debian package");
        }
        ControlStanza control = ControlStanza.parse(fields.stdout());
        Path copy = dir.resolve(DebianNames.debFileName(control));
        Files.copy(deb, copy, StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + ".stanza"));
        String name = control.require("Package");
        String version = control.require("Version");
        entries.removeIf(e -> e.name().equals(name) && e.version().equals(version));
        entries.add(
            new RepoEntry(
                copy.toString(),
                name,
                version,
                DebianNames.sourceName(control),
                Placement.PUBLISHED));
      }
      PackageCatalog catalog = new PackageCatalog(entries);
      catalog.write(dir.resolve("catalog.json"));
      return catalog;
    } catch (IOException e) {
      throw new UncheckedIOException("publishing: " + e.getMessage(), e);
    }
  }
}
