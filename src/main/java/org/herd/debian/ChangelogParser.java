package org.herd.debian;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Debian changelog (the text of {@code changelog.Debian.gz}, or what {@code apt-get
 * changelog} prints) into its entries, newest first as written. Never throws.
 *
 * <p>Grammar (policy §4.4, dpkg's {@code Dpkg::Changelog::Entry::Debian}):
 *
 * <pre>
 * SOURCE (VERSION) DIST [DIST...]; KEY=VALUE[, KEY=VALUE...]
 * &lt;blank line&gt;
 *   * change details, indented
 * &lt;blank line&gt;
 *  -- MAINTAINER &lt;ADDRESS&gt;  DATE
 * </pre>
 *
 * As dpkg-parsechangelog does, parsing stops at {@code Old Changelog:} and at editor trailers
 * ({@code Local variables:}, {@code vim:}); {@code #} comment lines between entries (debhelper's
 * "Older entries have been removed") are skipped. A line outside any entry that is none of these,
 * or a header with a bad version, becomes a warning (the first few only, old changelogs are messy).
 */
public final class ChangelogParser {

  private static final Pattern HEADER =
      Pattern.compile("^(\\w[-+0-9a-z.]*) \\(([^()\\s]+)\\)((?:\\s+[-+0-9A-Za-z./]+)+)\\s*;(.*)$");
  private static final Pattern TRAILER = Pattern.compile("^ -- (.*<[^>]*>)(?:  ?(.*\\S))?\\s*$");
  private static final Pattern END =
      Pattern.compile("^(?:Old Changelog:|(?:#\\s*)?Local variables:|(?:#\\s*)?vim:).*");
  private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
  private static final int MAX_WARNINGS = 5;

  private ChangelogParser() {}

  /** Parses {@code text}; entries in the order written, which is newest first. */
  public static Parsed<List<ChangelogEntry>> parse(String text) {
    List<ChangelogEntry> entries = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Open open = null;
    for (String line : text.split("\r?\n", -1)) {
      if (open == null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (END.matcher(line).matches()) {
          break;
        }
        Matcher header = HEADER.matcher(line);
        if (header.matches() && DebianVersion.isValid(header.group(2))) {
          open = new Open(header);
        } else if (warnings.size() < MAX_WARNINGS) {
          warnings.add("unexpected changelog line: " + line);
        }
        continue;
      }
      Matcher trailer = TRAILER.matcher(line);
      if (trailer.matches()) {
        entries.add(open.close(trailer.group(1), trailer.group(2) == null ? "" : trailer.group(2)));
        open = null;
        continue;
      }
      Matcher header = HEADER.matcher(line);
      if (header.matches() && DebianVersion.isValid(header.group(2))) {
        // An entry without its trailer: keep it, the next one starts here.
        if (warnings.size() < MAX_WARNINGS) {
          warnings.add("changelog entry without trailer: " + open.version);
        }
        entries.add(open.close("", ""));
        open = new Open(header);
        continue;
      }
      open.lines.add(line);
    }
    if (open != null) {
      entries.add(open.close("", ""));
    }
    return new Parsed<>(entries, warnings);
  }

  /** The CVE identifiers in {@code text}, first mention first, each once. */
  public static List<String> cves(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = CVE.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return List.copyOf(found);
  }

  /** An entry whose header was read and whose trailer is still to come. */
  private static final class Open {
    final String source;
    final DebianVersion version;
    final List<String> distributions;
    final Urgency urgency;
    final String header;
    final List<String> lines = new ArrayList<>();

    Open(Matcher header) {
      this.source = header.group(1);
      this.version = DebianVersion.parse(header.group(2));
      this.distributions = List.of(header.group(3).strip().split("\\s+"));
      this.urgency = urgency(header.group(4));
      this.header = header.group(0);
    }

    ChangelogEntry close(String maintainer, String date) {
      int from = 0;
      int to = lines.size();
      while (from < to && lines.get(from).isBlank()) {
        from++;
      }
      while (to > from && lines.get(to - 1).isBlank()) {
        to--;
      }
      List<String> changes = lines.subList(from, to);
      List<String> cves = cves(header + "\n" + String.join("\n", changes));
      return new ChangelogEntry(
          source, version, distributions, urgency, changes, maintainer, date, cves);
    }

    private static Urgency urgency(String keywords) {
      for (String pair : keywords.split(",")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("urgency")) {
          return Urgency.of(pair.substring(eq + 1));
        }
      }
      return Urgency.UNKNOWN;
    }
  }
}
