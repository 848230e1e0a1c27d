package org.herd.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;
import org.herd.text.ShellWords;

/**
 * Fetching candidates' changelogs on a host in one exec: the script {@code changes.sh} beside this
 * class (read it for the protocol) and the reader of what it prints. Each asked package is tried
 * with {@code apt-get changelog}, then from the candidate .deb; the text is cut at the header of
 * the oldest installed version herd cares about, so only new entries travel.
 */
public final class ChangelogFetch {

  private static final String SCRIPT = HostProbe.resource("changes.sh");
  private static final Pattern FIRST = Pattern.compile("@@herd-changes 1 (\\S+)@@");

  private ChangelogFetch() {}

  /**
   * One changelog to fetch.
   *
   * @param pkg the package
   * @param candidate the version whose changelog is wanted
   * @param since the oldest installed version among the hosts: the text stops at its entry
   */
  public record Wanted(PackageName pkg, DebianVersion candidate, DebianVersion since) {}

  /**
   * What the host printed for one package.
   *
   * @param pkg the package
   * @param candidate the version
   * @param source where the text came from; {@link ChangelogSource#NONE} when nowhere
   * @param text the changelog from its top down to the entry of {@code since} (excluded), or with
   *     {@code NONE} apt's error lines
   * @param reachedSince the entry of {@code since} was found: the text holds every later change
   */
  public record Fetched(
      PackageName pkg,
      DebianVersion candidate,
      ChangelogSource source,
      String text,
      boolean reachedSince) {}

  /**
   * The command line for {@code wanted}: {@code sh -c SCRIPT herd-changes PKG VERSION SINCE...},
   * every word quoted (names and versions are validated already by their types).
   */
  public static String command(List<Wanted> wanted) {
    List<String> words = new ArrayList<>(List.of("sh", "-c", SCRIPT, "herd-changes"));
    for (Wanted w : wanted) {
      words.add(w.pkg().toString());
      words.add(w.candidate().toString());
      words.add(w.since().toString());
    }
    return ShellWords.command(words);
  }

  /**
   * Reads the script's output; a package whose block is cut off (or whose names do not parse) is
   * left out, so the caller can tell what is missing. Never throws.
   */
  public static List<Fetched> parse(String stdout) {
    List<Fetched> fetched = new ArrayList<>();
    String[] lines = stdout.split("\n", -1);
    String nonce = null;
    int i = 0;
    for (; i < lines.length && nonce == null; i++) {
      Matcher first = FIRST.matcher(lines[i]);
      if (first.matches()) {
        nonce = first.group(1);
      }
    }
    if (nonce == null) {
      return fetched;
    }
    Pattern start =
        Pattern.compile("@@herd-" + Pattern.quote(nonce) + " changelog (\\S+) (\\S+)@@");
    Pattern end =
        Pattern.compile(
            "@@herd-" + Pattern.quote(nonce) + " end (\\S+) (\\S+) (apt|deb|none) (yes|no)@@");
    StringBuilder text = null;
    for (; i < lines.length; i++) {
      String line = lines[i];
      Matcher s = start.matcher(line);
      if (s.matches()) {
        text = new StringBuilder();
        continue;
      }
      Matcher e = end.matcher(line);
      if (e.matches() && text != null) {
        if (PackageName.isValid(e.group(1)) && DebianVersion.isValid(e.group(2))) {
          fetched.add(
              new Fetched(
                  PackageName.parse(e.group(1)),
                  DebianVersion.parse(e.group(2)),
                  ChangelogSource.valueOf(e.group(3).toUpperCase(Locale.ROOT)),
                  text.toString(),
                  e.group(4).equals("yes")));
        }
        text = null;
        continue;
      }
      if (text != null) {
        text.append(line).append('\n');
      }
    }
    return fetched;
  }
}
