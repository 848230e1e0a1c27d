package org.herd.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packages of a lab repository and where each shows up; kept as {@code catalog.json} next to
 * cached packages, so that a cached download is reused without looking into any .deb again.
 *
 * @param entries every package file
 */
public record PackageCatalog(List<RepoEntry> entries) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the entries. */
  public PackageCatalog {
    entries = List.copyOf(entries);
  }

  /** A catalog of this one's entries followed by {@code more}'s. */
  public PackageCatalog plus(PackageCatalog more) {
    List<RepoEntry> all = new ArrayList<>(entries);
    all.addAll(more.entries);
    return new PackageCatalog(all);
  }

  /** The entries shown in the release or security suite for {@code suite}. */
  public List<RepoEntry> shown(Suite suite, boolean security) {
    return entries.stream().filter(e -> e.placement().shown(suite, security)).toList();
  }

  /** The original (old) version of {@code name}, if the catalog has one. */
  public Optional<String> oldVersion(String name) {
    return entries.stream()
        .filter(e -> e.name().equals(name) && e.placement() == Placement.OLD)
        .map(RepoEntry::version)
        .findFirst();
  }

  /** Reads a catalog written by {@link #write}. */
  public static Optional<PackageCatalog> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), PackageCatalog.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes this catalog atomically. */
  public void write(Path file) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the package catalog", e);
    }
  }
}
