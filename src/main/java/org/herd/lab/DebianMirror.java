package org.herd.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Debian archive the lab downloads from: the machine's own apt sources, so that the lab uses
 * whatever mirror (or proxy-fronted mirror) the machine is already allowed to reach.
 *
 * @param archive the main archive, as in {@code http://deb.debian.org/debian}
 * @param security the security archive, as in {@code http://deb.debian.org/debian-security}
 */
public record DebianMirror(String archive, String security) {

  /** Debian's own redirector, used when the machine's sources name no Debian mirror. */
  public static final DebianMirror DEFAULT =
      new DebianMirror("http://deb.debian.org/debian", "http://deb.debian.org/debian-security");

  private static final Pattern URI = Pattern.compile("(?:^|\\s)((?:https?)://\\S+)");

  /** Finds the Debian mirrors in the apt sources under {@code etcApt} (usually /etc/apt). */
  public static DebianMirror detect(Path etcApt) {
    List<String> uris = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    files.add(etcApt.resolve("sources.list"));
    Path parts = etcApt.resolve("sources.list.d");
    if (Files.isDirectory(parts)) {
      try (Stream<Path> listing = Files.list(parts)) {
        listing
            .filter(p -> p.toString().endsWith(".list") || p.toString().endsWith(".sources"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        // An unreadable directory of sources: fall back to what else we found.
      }
    }
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        try {
          uris.addAll(urisIn(Files.readString(file)));
        } catch (IOException e) {
          // Skipped, as apt would complain about it itself.
        }
      }
    }
    return fromUris(uris);
  }

  /** Picks the Debian archive and security archive among {@code uris}. */
  static DebianMirror fromUris(List<String> uris) {
    String archive = null;
    String security = null;
    for (String uri : uris) {
      String clean = uri.replaceAll("/+$", "");
      if (security == null && clean.endsWith("/debian-security")) {
        security = clean;
      } else if (archive == null && clean.endsWith("/debian")) {
        archive = clean;
      }
    }
    return new DebianMirror(
        archive == null ? DEFAULT.archive : archive,
        security == null ? DEFAULT.security : security);
  }

  /** The http(s) URIs of the active (not commented) lines of a one-line or deb822 sources file. */
  static List<String> urisIn(String text) {
    List<String> found = new ArrayList<>();
    for (String line : text.lines().toList()) {
      String active = line.strip();
      if (active.startsWith("#")) {
        continue;
      }
      if (active.startsWith("deb ") || active.startsWith("URIs:")) {
        Matcher m = URI.matcher(active);
        while (m.find()) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }
}
