package org.herd.lab;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Release} file of one distribution of the lab repository: its identity (origin, label,
 * suite, codename — what apt pinning and security classification look at) and the sizes and hashes
 * of its index files.
 *
 * @param origin as in {@code Debian}
 * @param label as in {@code Debian} or {@code Debian-Security}
 * @param suite as in {@code stable} or {@code stable-security}
 * @param codename the distribution directory name, as in {@code bookworm-security}
 * @param architecture the hosts' architecture
 * @param date when the index was made
 * @param indexes the index files, relative to the distribution directory
 */
public record ReleaseFile(
    String origin,
    String label,
    String suite,
    String codename,
    String architecture,
    Instant date,
    List<Index> indexes) {

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** Copies the index list. */
  public ReleaseFile {
    indexes = List.copyOf(indexes);
  }

  /**
   * One index file.
   *
   * @param path relative to the distribution directory
   * @param size in bytes
   * @param md5 its MD5, hex
   * @param sha256 its SHA-256, hex
   */
  public record Index(String path, long size, String md5, String sha256) {}

  /** The file's text. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Origin: ").append(origin).append('\n');
    out.append("Label: ").append(label).append('\n');
    out.append("Suite: ").append(suite).append('\n');
    out.append("Codename: ").append(codename).append('\n');
    out.append("Date: ").append(RFC_2822.format(date)).append('\n');
    out.append("Architectures: ").append(architecture).append('\n');
    out.append("Components: main\n");
    out.append("Description: herd lab repository (").append(label).append(")\n");
    out.append("MD5Sum:\n");
    for (Index index : indexes) {
      out.append(
          String.format(Locale.ROOT, " %s %8d %s%n", index.md5(), index.size(), index.path()));
    }
    out.append("SHA256:\n");
    for (Index index : indexes) {
      out.append(
          String.format(Locale.ROOT, " %s %8d %s%n", index.sha256(), index.size(), index.path()));
    }
    return out.toString();
  }
}
