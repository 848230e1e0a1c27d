package org.herd.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One paragraph of a Debian control file (deb822): ordered fields, multi-line values kept as
 * written. Used to read and rewrite {@code DEBIAN/control} and to write {@code Packages} and {@code
 * Release} entries.
 *
 * <p>Field names are matched case-insensitively, as dpkg does, and keep the spelling they were
 * first written with.
 */
public final class ControlStanza {

  private final LinkedHashMap<String, Map.Entry<String, String>> fields = new LinkedHashMap<>();

  /** An empty stanza. */
  public ControlStanza() {}

  /** Parses one paragraph; blank lines and {@code #} comments are skipped. */
  public static ControlStanza parse(String text) {
    ControlStanza stanza = new ControlStanza();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (name == null) {
          throw new IllegalArgumentException("continuation line before any field: " + line);
        }
        value.append('\n').append(line);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("not a field: " + line);
      }
      if (name != null) {
        stanza.set(name, value.toString());
      }
      name = line.substring(0, colon);
      value.setLength(0);
      value.append(line.substring(colon + 1).strip());
    }
    if (name != null) {
      stanza.set(name, value.toString());
    }
    return stanza;
  }

  /** The value of {@code field}, if present. */
  public Optional<String> get(String field) {
    Map.Entry<String, String> entry = fields.get(key(field));
    return entry == null ? Optional.empty() : Optional.of(entry.getValue());
  }

  /** The value of {@code field}, or a failure naming the missing field. */
  public String require(String field) {
    return get(field).orElseThrow(() -> new IllegalArgumentException("missing field " + field));
  }

  /** Sets {@code field}, keeping its position when it already exists. */
  public ControlStanza set(String field, String value) {
    Map.Entry<String, String> old = fields.get(key(field));
    String spelling = old == null ? field : old.getKey();
    fields.put(key(field), Map.entry(spelling, value));
    return this;
  }

  /** The field names, in order. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> entry : fields.values()) {
      names.add(entry.getKey());
    }
    return names;
  }

  /** The paragraph as text, ending with a newline. */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> entry : fields.values()) {
      String value = entry.getValue();
      out.append(entry.getKey()).append(':');
      if (!value.isEmpty() && !value.startsWith("\n")) {
        out.append(' ');
      }
      out.append(value).append('\n');
    }
    return out.toString();
  }

  private static String key(String field) {
    return field.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return render();
  }
}
