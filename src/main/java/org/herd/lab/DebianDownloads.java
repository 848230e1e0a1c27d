package org.herd.lab;

import static org.herd.lab.ProcessRunner.cmd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Real Debian packages for the lab repository: the clustered services herd upgrades, with every
 * dependency that the base image lacks, downloaded once from the machine's Debian mirror, and their
 * re-versioned copies (see {@link Reversioner}).
 *
 * <p>apt runs with a private configuration (its own sources, lists and cache under the lab cache)
 * and resolves dependencies against the base image's dpkg status, so it neither touches the
 * machine's own apt state nor depends on the machine's release.
 */
public final class DebianDownloads {

  /** The services the lab offers, each with an old and a +lab1 version. */
  public static final List<String> FEATURED =
      List.of(
          "etcd-server",
          "etcd-client",
          "rabbitmq-server",
          "mariadb-server",
          "galera-4",
          "redis-server",
          "redis-sentinel",
          "nginx");

  /** Tools the clusters need at runtime (Galera's rsync state transfer), in one version. */
  public static final List<String> EXTRAS = List.of("rsync");

  private final LabPaths paths;
  private final DebianMirror mirror;
  private final ProcessRunner runner;

  /** Downloads into {@code paths}' cache from {@code mirror}. */
  public DebianDownloads(LabPaths paths, DebianMirror mirror, ProcessRunner runner) {
    this.paths = paths;
    this.mirror = mirror;
    this.runner = runner;
  }

  /**
   * The catalog of featured packages for hosts built from {@code imageHash}, downloading and
   * re-versioning them the first time. Dependencies are resolved from scratch (an empty dpkg
   * status), not against the base image, so that this can run while the image is being built; the
   * packages the image already has come along in the same versions, which changes nothing.
   */
  public PackageCatalog ensure(Release release, String imageHash, Progress progress) {
    Path dir = paths.packages().resolve(release.codename()).resolve(key(imageHash));
    Path catalogFile = dir.resolve("catalog.json");
    var cached = PackageCatalog.read(catalogFile);
    if (cached.isPresent()) {
      return cached.get();
    }
    try {
      Path apt = paths.packages().resolve(release.codename()).resolve("apt");
      Path archives = apt.resolve("cache/archives");
      for (Path d :
          List.of(
              apt.resolve("state/lists/partial"),
              archives.resolve("partial"),
              apt.resolve("etc/sources.list.d"),
              apt.resolve("etc/preferences.d"))) {
        Files.createDirectories(d);
      }
      Files.writeString(apt.resolve("etc/sources.list"), sourcesList(release));
      Files.writeString(apt.resolve("status"), "");
      List<String> options = aptOptions(apt);
      progress.say("downloading " + String.join(", ", FEATURED) + " and their dependencies");
      runner.check(cmd(cmd(cmd("apt-get"), options.toArray(String[]::new)), "-q", "update"));
      clean(archives);
      List<String> install = new ArrayList<>(cmd("apt-get"));
      install.addAll(options);
      install.addAll(List.of("-q", "-y", "--no-install-recommends", "--download-only", "install"));
      install.addAll(FEATURED);
      install.addAll(EXTRAS);
      runner.check(install);
      progress.say("re-versioning them as VERSION" + Reversioner.SUFFIX);
      PackageCatalog catalog = build(archives, dir);
      catalog.write(catalogFile);
      pruneOthers(dir);
      return catalog;
    } catch (IOException e) {
      throw new UncheckedIOException("downloading Debian packages: " + e.getMessage(), e);
    }
  }

  private PackageCatalog build(Path archives, Path dir) throws IOException {
    Path orig = dir.resolve("orig");
    Path raisedDir = dir.resolve("lab1");
    Trees.delete(orig);
    Trees.delete(raisedDir);
    Files.createDirectories(orig);
    Files.createDirectories(raisedDir);
    Map<Path, ControlStanza> controls = new LinkedHashMap<>();
    try (Stream<Path> debs = Files.list(archives)) {
      for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).sorted().toList()) {
        Path kept = orig.resolve(deb.getFileName());
        Files.copy(deb, kept);
        controls.put(kept, ControlStanza.parse(PackageStanza.read(kept, runner)));
      }
    }
    Set<String> featuredSources = new TreeSet<>();
    for (ControlStanza control : controls.values()) {
      if (FEATURED.contains(control.require("Package"))) {
        featuredSources.add(DebianNames.sourceName(control));
      }
    }
    Map<String, String> raised = new LinkedHashMap<>();
    for (ControlStanza control : controls.values()) {
      if (featuredSources.contains(DebianNames.sourceName(control))) {
        raised.put(control.require("Package"), control.require("Version"));
      }
    }
    Reversioner reversioner = new Reversioner(runner);
    List<RepoEntry> entries = new ArrayList<>();
    for (Map.Entry<Path, ControlStanza> e : controls.entrySet()) {
      String name = e.getValue().require("Package");
      String version = e.getValue().require("Version");
      String source = DebianNames.sourceName(e.getValue());
      boolean raise = raised.containsKey(name);
      entries.add(
          new RepoEntry(
              e.getKey().toString(),
              name,
              version,
              source,
              raise ? Placement.OLD : Placement.DEPENDENCY));
      if (raise) {
        Path copy = reversioner.reversion(e.getKey(), raised, raisedDir, dir);
        entries.add(
            new RepoEntry(
                copy.toString(), name, Reversioner.raise(version), source, Placement.NEW));
      }
    }
    return new PackageCatalog(entries);
  }

  /**
   * The release's main suite only, the one debootstrap built the base image from: with the updates
   * and security suites, dependencies would bring newer versions of packages the image already has
   * (perl-base, libssl3…), and hosts would see upgrades that no test asked for.
   */
  private String sourcesList(Release release) {
    String keyring = "[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]";
    return "deb " + keyring + " " + mirror.archive() + " " + release.codename() + " main\n";
  }

  private static List<String> aptOptions(Path apt) {
    return List.of(
        "-o", "Dir::State=" + apt.resolve("state"),
        "-o", "Dir::State::status=" + apt.resolve("status"),
        "-o", "Dir::Cache=" + apt.resolve("cache"),
        "-o", "Dir::Etc::SourceList=" + apt.resolve("etc/sources.list"),
        "-o", "Dir::Etc::SourceParts=" + apt.resolve("etc/sources.list.d"),
        "-o", "Dir::Etc::Preferences=" + apt.resolve("etc/preferences"),
        "-o", "Dir::Etc::PreferencesParts=" + apt.resolve("etc/preferences.d"),
        "-o", "Debug::NoLocking=1",
        "-o", "Acquire::Languages=none",
        "-o", "APT::Install-Recommends=0");
  }

  /** Removes earlier downloads for the same release (made for another recipe). */
  private static void pruneOthers(Path current) throws IOException {
    try (Stream<Path> siblings = Files.list(current.getParent())) {
      for (Path sibling : siblings.toList()) {
        if (!sibling.equals(current) && sibling.getFileName().toString().matches("[0-9a-f]{16}")) {
          Trees.delete(sibling);
        }
      }
    }
  }

  private static void clean(Path archives) throws IOException {
    try (Stream<Path> debs = Files.list(archives)) {
      for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).toList()) {
        Files.delete(deb);
      }
    }
  }

  /** Names a download by what it depends on: the package lists, the image and the suffix. */
  static String key(String imageHash) {
    String recipe =
        String.join(",", FEATURED)
            + ";"
            + String.join(",", EXTRAS)
            + ";"
            + Reversioner.SUFFIX
            + ";main-only;from-scratch;"
            + imageHash;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(recipe.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
