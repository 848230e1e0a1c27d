package org.herd.debian;

import java.util.ArrayList;
import java.util.List;

/**
 * A configuration file that dpkg or ucf left beside the real one when the administrator's version
 * and the package's version diverged: the trace of "debconf messing with config files".
 *
 * @param path the leftover file ({@code /etc/ssh/sshd_config.ucf-dist})
 * @param conffile the configuration file it belongs to ({@code /etc/ssh/sshd_config})
 * @param kind which tool left it and why
 */
public record ConffileLeftover(String path, String conffile, Kind kind) {

  /** The suffixes dpkg and ucf use. */
  public enum Kind {
    /**
     * {@code .dpkg-dist}: the package's new version, not installed because the local one was kept.
     */
    DPKG_DIST(".dpkg-dist"),
    /** {@code .dpkg-new}: a new version being installed (a run interrupted half-way). */
    DPKG_NEW(".dpkg-new"),
    /** {@code .dpkg-old}: the administrator's old version, replaced by the package's. */
    DPKG_OLD(".dpkg-old"),
    /** {@code .dpkg-tmp}: a temporary file of an interrupted run. */
    DPKG_TMP(".dpkg-tmp"),
    /** {@code .ucf-dist}: ucf's equivalent of {@code .dpkg-dist}. */
    UCF_DIST(".ucf-dist"),
    /** {@code .ucf-new}: ucf's new version pending. */
    UCF_NEW(".ucf-new"),
    /** {@code .ucf-old}: ucf's equivalent of {@code .dpkg-old}. */
    UCF_OLD(".ucf-old");

    private final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }

    /** The file-name suffix. */
    public String suffix() {
      return suffix;
    }
  }

  /** Reads a list of paths, one per line; a path without a known suffix becomes a warning. */
  public static Parsed<List<ConffileLeftover>> parse(String output) {
    List<ConffileLeftover> leftovers = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (String line : output.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      Kind kind = null;
      for (Kind k : Kind.values()) {
        if (line.endsWith(k.suffix) && line.length() > k.suffix.length()) {
          kind = k;
        }
      }
      if (kind == null || !line.startsWith("/")) {
        warnings.add("not a configuration leftover: " + line);
      } else {
        leftovers.add(
            new ConffileLeftover(
                line, line.substring(0, line.length() - kind.suffix.length()), kind));
      }
    }
    return new Parsed<>(leftovers, warnings);
  }
}
