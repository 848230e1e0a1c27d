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
 * The Debian archive the lab downloads from: the first Debian mirror in the machine's own apt
 * sources, so that the lab uses whatever mirror the machine is already allowed to reach.
 *
 * @param archive the archive URL, as in {@code http://deb.debian.org/debian}
 */
public record DebianMirror(String archive) {

  /** Debian's own redirector, used when the machine's sources name no Debian mirror. */
  public static final DebianMirror DEFAULT = new DebianMirror("http://deb.debian.org/debian");

  private static final Pattern URI = Pattern.compile("(?:^|\\s)(https?://\\S+)");

  /** Finds the Debian mirror in the apt sources under {@code etcApt} (usually /etc/apt). */
  public static DebianMirror detect(Path etcApt) {
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
        // An unreadable directory of sources: use what else there is.
      }
    }
    List<String> uris = new ArrayList<>();
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

  /** The first URI of a Debian archive (a path ending in /debian) among {@code uris}. */
  static DebianMirror fromUris(List<String> uris) {
    for (String uri : uris) {
      String clean = uri.replaceAll("/+$", "");
      if (clean.endsWith("/debian")) {
        return new DebianMirror(clean);
      }
    }
    return DEFAULT;
  }

  /** The http(s) URIs of the active lines of a one-line-style or deb822 sources file. */
  static List<String> urisIn(String text) {
    List<String> found = new ArrayList<>();
    for (String line : text.lines().toList()) {
      String active = line.strip();
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
