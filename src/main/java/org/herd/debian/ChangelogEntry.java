package org.herd.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a Debian changelog ({@code debian/changelog}, policy §4.4): the header line, the
 * change details and the trailer line, with the CVE identifiers it mentions.
 *
 * @param source the source package name of the header
 * @param version the version the entry describes
 * @param distributions the distributions of the header ({@code bookworm-security})
 * @param urgency the {@code urgency=} keyword ({@link Urgency#UNKNOWN} when absent)
 * @param changes the lines between header and trailer, verbatim (blank lines at both ends removed)
 * @param maintainer {@code Name <address>} of the trailer, or empty when the entry had no trailer
 * @param date the trailer's date as written (RFC 5322), or empty
 * @param cves the {@code CVE-YYYY-NNNN} identifiers in the header and changes, first mention first,
 *     each once
 */
public record ChangelogEntry(
    String source,
    DebianVersion version,
    List<String> distributions,
    Urgency urgency,
    List<String> changes,
    String maintainer,
    String date,
    List<String> cves) {

  /** Copies the lists. */
  public ChangelogEntry {
    distributions = List.copyOf(distributions);
    changes = List.copyOf(changes);
    cves = List.copyOf(cves);
  }

  /**
   * The entries an upgrade from {@code installed} to {@code candidate} brings: version newer than
   * {@code installed} and not newer than {@code candidate}, in the changelog's order.
   */
  public static List<ChangelogEntry> between(
      List<ChangelogEntry> entries, DebianVersion installed, DebianVersion candidate) {
    List<ChangelogEntry> selected = new ArrayList<>();
    for (ChangelogEntry entry : entries) {
      if (entry.version().compareTo(installed) > 0 && entry.version().compareTo(candidate) <= 0) {
        selected.add(entry);
      }
    }
    return selected;
  }

  /**
   * Whether {@code entries} reach back to {@code installed}: some entry is not newer than it. When
   * not, the changelog was cut (debhelper trims old entries, "Older entries have been removed") and
   * {@link #between} may miss changes.
   */
  public static boolean reaches(List<ChangelogEntry> entries, DebianVersion installed) {
    return entries.stream().anyMatch(e -> e.version().compareTo(installed) <= 0);
  }
}
