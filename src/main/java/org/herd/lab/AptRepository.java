package org.herd.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The lab's APT repository on disk, served to the hosts over HTTP by {@link RepoServer}:
 *
 * <pre>
 * repo/pool/&lt;placement&gt;/NAME_VERSION_ARCH.deb      links to the cached packages
 * repo/dists/&lt;codename&gt;/{Release,InRelease,Release.gpg}
 * repo/dists/&lt;codename&gt;/main/binary-ARCH/Packages{,.gz}
 * repo/dists/&lt;codename&gt;-security/…                 labelled Debian-Security
 * repo/herd-lab.asc                                     the public key hosts trust
 * </pre>
 *
 * <p>{@link #write} regenerates both distributions for a {@link Suite}; hosts see the change at
 * their next {@code apt-get update}.
 */
public final class AptRepository {

  private final Path root;
  private final Release release;
  private final String architecture;
  private final RepoSigner signer;
  private final ProcessRunner runner;

  /** A repository in {@code root} for hosts running {@code release} on {@code architecture}. */
  public AptRepository(
      Path root, Release release, String architecture, RepoSigner signer, ProcessRunner runner) {
    this.root = root;
    this.release = release;
    this.architecture = architecture;
    this.signer = signer;
    this.runner = runner;
  }

  /** The repository's directory. */
  public Path root() {
    return root;
  }

  /** Writes both distributions as {@code suite} shows {@code catalog}, dated {@code date}. */
  public void write(PackageCatalog catalog, Suite suite, Instant date) {
    try {
      Files.createDirectories(root);
      writeDist(
          catalog.shown(suite, false), release.codename(), "Debian", release.codename(), date);
      writeDist(
          catalog.shown(suite, true),
          release.securityCodename(),
          "Debian-Security",
          release.securityCodename(),
          date);
    } catch (IOException e) {
      throw new UncheckedIOException(root + ": cannot write the repository: " + e.getMessage(), e);
    }
  }

  private void writeDist(
      List<RepoEntry> entries, String codename, String label, String suiteName, Instant date)
      throws IOException {
    Path dist = root.resolve("dists").resolve(codename);
    Path binary = dist.resolve("main/binary-" + architecture);
    Files.createDirectories(binary);
    StringBuilder packages = new StringBuilder();
    List<RepoEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(RepoEntry::name).thenComparing(RepoEntry::version));
    for (RepoEntry entry : sorted) {
      Path pooled = pool(entry);
      packages.append(stanza(Path.of(entry.file()), root.relativize(pooled).toString()));
      packages.append('\n');
    }
    byte[] text = packages.toString().getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(text);
    Files.write(binary.resolve("Packages"), text);
    Files.write(binary.resolve("Packages.gz"), gz);
    String prefix = "main/binary-" + architecture + "/";
    ReleaseFile releaseFile =
        new ReleaseFile(
            "Debian",
            label,
            suiteName,
            codename,
            architecture,
            date,
            List.of(index(prefix + "Packages", text), index(prefix + "Packages.gz", gz)));
    Path releasePath = dist.resolve("Release");
    Files.writeString(releasePath, releaseFile.render());
    signer.sign(releasePath);
  }

  /** Links {@code entry} into the pool and returns the link. */
  private Path pool(RepoEntry entry) throws IOException {
    Path file = Path.of(entry.file());
    Path link =
        root.resolve("pool")
            .resolve(entry.placement().name().toLowerCase(Locale.ROOT))
            .resolve(file.getFileName());
    Files.createDirectories(link.getParent());
    if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).equals(file)) {
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, file);
    }
    return link;
  }

  /** The Packages stanza of {@code deb}, published as {@code filename}. */
  private String stanza(Path deb, String filename) {
    return ControlStanza.parse(PackageStanza.read(deb, runner)).set("Filename", filename).render();
  }

  private static ReleaseFile.Index index(String path, byte[] content) {
    try {
      return new ReleaseFile.Index(
          path,
          content.length,
          HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content)),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 and SHA-256 are part of every Java runtime", e);
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(data);
    }
    return bytes.toByteArray();
  }
}
