package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identification of the operating system from {@code /etc/os-release} (os-release(5)).
 *
 * @param id {@code ID}, e.g. {@code debian}, {@code ubuntu}
 * @param versionId {@code VERSION_ID}, e.g. {@code 12}; null on testing/unstable
 * @param codename {@code VERSION_CODENAME}, e.g. {@code bookworm}; null if absent
 * @param prettyName {@code PRETTY_NAME}
 * @param idLike {@code ID_LIKE}, e.g. {@code debian} on Ubuntu; null if absent
 */
public record OsRelease(
    String id, String versionId, String codename, String prettyName, String idLike) {

  /** Whether this is Debian or a derivative that says it is like Debian. */
  @JsonIgnore
  public boolean isDebianLike() {
    return "debian".equals(id) || (idLike != null && List.of(idLike.split(" ")).contains("debian"));
  }

  /**
   * Parses the file: {@code KEY=value} lines, values optionally in single or double quotes with
   * shell backslash escapes; {@code #} comments and blank lines ignored; anything else a warning.
   */
  public static Parsed<OsRelease> parse(String content) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (String raw : content.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || !line.substring(0, eq).matches("[A-Z0-9_]+")) {
        warnings.add("unexpected os-release line: " + raw);
        continue;
      }
      values.put(line.substring(0, eq), unquote(line.substring(eq + 1)));
    }
    return new Parsed<>(
        new OsRelease(
            values.get("ID"),
            values.get("VERSION_ID"),
            values.get("VERSION_CODENAME"),
            values.get("PRETTY_NAME"),
            values.get("ID_LIKE")),
        warnings);
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.charAt(0) == '"' || v.charAt(0) == '\'')
        && v.charAt(v.length() - 1) == v.charAt(0)) {
      String inner = v.substring(1, v.length() - 1);
      return v.charAt(0) == '"' ? inner.replaceAll("\\\\([\"\\\\`$])", "$1") : inner;
    }
    return v;
  }
}
