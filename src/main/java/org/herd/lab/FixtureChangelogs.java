package org.herd.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The Debian changelogs of the lab's fixture packages: {@code
 * /usr/share/doc/NAME/changelog.Debian.gz} with one entry per version up to the package's own,
 * newest first, as {@code dh_installchangelogs} installs them. {@code herd changes} reads them from
 * the candidate .deb (the lab has no changelog server); the security update's entry names a CVE
 * identifier and has {@code urgency=high}.
 */
final class FixtureChangelogs {

  /** The CVE identifier of the security fixture's update (2099: no real CVE has it). */
  static final String SECURITY_CVE = "CVE-2099-10001";

  private FixtureChangelogs() {}

  /** One changelog entry of a fixture. */
  record Entry(
      String version, String distribution, String urgency, List<String> changes, String date) {}

  /** The entries of a fixture whose versions are {@link Fixtures#OLD} then {@link Fixtures#NEW}. */
  static List<Entry> ordinary(String version, String newChange) {
    List<Entry> entries = new ArrayList<>();
    if (version.equals(Fixtures.NEW)) {
      entries.add(
          new Entry(
              Fixtures.NEW,
              "unstable",
              "medium",
              List.of(newChange),
              "Tue, 03 Nov 2026 10:00:00 +0000"));
    }
    entries.add(
        new Entry(
            Fixtures.OLD,
            "unstable",
            "low",
            List.of("Initial release."),
            "Thu, 01 Oct 2026 10:00:00 +0000"));
    return entries;
  }

  /** The entries of the security fixture at {@code version} on {@code release}. */
  static List<Entry> security(String version, Release release) {
    List<Entry> entries = new ArrayList<>();
    if (!version.equals(Fixtures.OLD)) {
      entries.add(
          new Entry(
              version,
              release.securityCodename(),
              "high",
              List.of(
                  "Non-maintainer upload by the herd lab Security Team.",
                  "Fix " + SECURITY_CVE + ": the lab fixture was too trusting."),
              "Wed, 11 Nov 2026 10:00:00 +0000"));
    }
    entries.addAll(ordinary(Fixtures.OLD, ""));
    return entries;
  }

  /** The changelog file of package {@code name} with {@code entries}, gzip-compressed. */
  static DebSpec.File file(String name, List<Entry> entries) {
    StringBuilder text = new StringBuilder();
    for (Entry entry : entries) {
      text.append(name)
          .append(" (")
          .append(entry.version())
          .append(") ")
          .append(entry.distribution())
          .append("; urgency=")
          .append(entry.urgency())
          .append("\n\n");
      entry.changes().forEach(c -> text.append("  * ").append(c).append('\n'));
      text.append("\n -- herd lab <lab@herd.invalid>  ").append(entry.date()).append("\n\n");
    }
    return new DebSpec.File(
        "/usr/share/doc/" + name + "/changelog.Debian.gz", gzip(text.toString()), 0644);
  }

  // GZIPOutputStream writes no file name and a zero time: the same text gives the same bytes.
  private static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
