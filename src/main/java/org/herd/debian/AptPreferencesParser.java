package org.herd.debian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads apt preferences files ({@code /etc/apt/preferences}, {@code /etc/apt/preferences.d/*}):
 * stanzas separated by blank lines, with {@code Package}, {@code Pin}, {@code Pin-Priority} and
 * {@code Explanation} fields (field names are case-insensitive; {@code #} starts a comment line). A
 * stanza without {@code Pin} or with a non-numeric priority becomes a warning, as apt would reject
 * it.
 */
public final class AptPreferencesParser {

  /**
   * apt reads files in preferences.d only with no extension or {@code .pref} (apt_preferences(5)).
   */
  private static final Pattern READ_BY_APT = Pattern.compile("[A-Za-z0-9_.-]+");

  private AptPreferencesParser() {}

  /** Whether apt reads a file of this name in {@code preferences.d}. */
  public static boolean isReadByApt(String fileName) {
    if (!READ_BY_APT.matcher(fileName).matches()) {
      return false;
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0 || fileName.substring(dot).equals(".pref");
  }

  /** Parses one file; never throws. */
  public static Parsed<List<AptPin>> parse(String file, String content) {
    List<AptPin> pins = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, String> stanza = new LinkedHashMap<>();
    String last = null;
    for (String raw : (content + "\n\n").split("\n", -1)) {
      String line = raw.stripTrailing();
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!stanza.isEmpty()) {
          pin(file, stanza, pins, warnings);
          stanza.clear();
        }
        last = null;
        continue;
      }
      if (Character.isWhitespace(line.charAt(0)) && last != null) {
        stanza.merge(last, " " + line.strip(), String::concat);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        warnings.add(file + ": unexpected line: " + line);
        continue;
      }
      last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (last.equals("explanation") && stanza.containsKey(last)) {
        stanza.merge(last, " " + value, String::concat);
      } else {
        stanza.put(last, value);
      }
    }
    return new Parsed<>(pins, warnings);
  }

  private static void pin(
      String file, Map<String, String> stanza, List<AptPin> pins, List<String> warnings) {
    String pin = stanza.get("pin");
    String priority = stanza.get("pin-priority");
    if (pin == null || priority == null || !priority.matches("[+-]?\\d{1,9}")) {
      warnings.add(file + ": incomplete or invalid stanza: " + stanza);
      return;
    }
    String packages = stanza.getOrDefault("package", "").strip();
    pins.add(
        new AptPin(
            file,
            packages.isEmpty() ? List.of() : List.of(packages.split("\\s+")),
            pin,
            Integer.parseInt(priority.replaceFirst("^\\+", "")),
            stanza.getOrDefault("explanation", "").strip()));
  }
}
