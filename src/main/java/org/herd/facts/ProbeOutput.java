package org.herd.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probe's output split into its sections (see {@code probe.sh} for the protocol). Markers carry
 * the nonce the probe announced on its first line, so a line that merely looks like a marker (in a
 * file the probe printed) stays content. A section without its end marker (the output was cut)
 * keeps what it had, with a null exit code and a warning.
 *
 * @param protocol the protocol version of the first line, 0 when there was no valid first line
 * @param sections the sections by name, in output order
 * @param complete whether the probe reached its final {@code done} marker
 * @param warnings what was odd about the framing
 */
public record ProbeOutput(
    int protocol, Map<String, Section> sections, boolean complete, List<String> warnings) {

  private static final Pattern HEADER = Pattern.compile("@@herd-probe (\\d+) ([0-9A-Za-z]+)@@");

  /**
   * One section.
   *
   * @param name the section name
   * @param lines the lines before the first file marker
   * @param files the files printed in the section, by path, each as its text
   * @param exitCode the exit status the probe recorded, or null when the section was cut
   */
  public record Section(
      String name, List<String> lines, Map<String, String> files, Integer exitCode) {

    /** The lines as one text. */
    public String text() {
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** The value of the first {@code key=value} line with this key, or null. */
    public String value(String key) {
      return lines.stream()
          .filter(l -> l.startsWith(key + "="))
          .map(l -> l.substring(key.length() + 1))
          .findFirst()
          .orElse(null);
    }

    /** The values of every {@code key=value} line with this key. */
    public List<String> values(String key) {
      return lines.stream()
          .filter(l -> l.startsWith(key + "="))
          .map(l -> l.substring(key.length() + 1))
          .toList();
    }

    /** Whether the probe timed the section's command out ({@code timeout} exits 124). */
    public boolean timedOut() {
      return exitCode != null && exitCode == 124;
    }
  }

  /** Splits a probe's standard output; never throws. */
  public static ProbeOutput read(String stdout) {
    List<String> warnings = new ArrayList<>();
    Map<String, Section> sections = new LinkedHashMap<>();
    String[] lines = stdout.split("\n", -1);
    int start = 0;
    while (start < lines.length && !HEADER.matcher(lines[start]).matches()) {
      if (!lines[start].isBlank()) {
        warnings.add("before the probe's first line: " + lines[start]);
      }
      start++;
    }
    if (start == lines.length) {
      warnings.add("no probe output (no '@@herd-probe' line)");
      return new ProbeOutput(0, sections, false, warnings);
    }
    Matcher header = HEADER.matcher(lines[start]);
    header.matches();
    int protocol = Integer.parseInt(header.group(1));
    String prefix = "@@herd-" + header.group(2) + " ";
    boolean complete = false;

    String name = null;
    List<String> body = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();
    String file = null;
    StringBuilder fileText = new StringBuilder();
    for (int i = start + 1; i < lines.length; i++) {
      String line = lines[i];
      String marker =
          line.startsWith(prefix) && line.endsWith("@@")
              ? line.substring(prefix.length(), line.length() - 2)
              : null;
      if (marker == null) {
        if (name == null) {
          if (!line.isBlank()) {
            warnings.add("outside any section: " + line);
          }
        } else if (file != null) {
          fileText.append(line).append('\n');
        } else {
          body.add(line);
        }
        continue;
      }
      if (marker.startsWith("file ") && name != null) {
        if (file != null) {
          files.put(file, fileText.toString());
        }
        file = marker.substring(5);
        fileText.setLength(0);
      } else if (marker.startsWith("section ")) {
        if (name != null) {
          warnings.add("section " + name + " has no end marker");
          sections.put(name, section(name, body, files, file, fileText, null));
        }
        name = marker.substring(8);
        body = new ArrayList<>();
        files = new LinkedHashMap<>();
        file = null;
      } else if (marker.startsWith("end ") && name != null) {
        String[] f = marker.split(" ");
        Integer rc = f.length == 3 && f[2].matches("\\d{1,3}") ? Integer.valueOf(f[2]) : null;
        sections.put(name, section(name, body, files, file, fileText, rc));
        name = null;
        file = null;
      } else if (marker.equals("done")) {
        complete = true;
      } else {
        warnings.add("unknown marker: " + line);
      }
    }
    if (name != null) {
      warnings.add("section " + name + " was cut (no end marker)");
      sections.put(name, section(name, body, files, file, fileText, null));
    }
    if (!complete) {
      warnings.add("the probe did not finish (no 'done' marker)");
    }
    return new ProbeOutput(protocol, sections, complete, warnings);
  }

  private static Section section(
      String name,
      List<String> body,
      Map<String, String> files,
      String file,
      StringBuilder fileText,
      Integer rc) {
    Map<String, String> all = new LinkedHashMap<>(files);
    if (file != null) {
      all.put(file, dropFramingNewline(fileText.toString(), rc != null));
    }
    List<String> lines = new ArrayList<>(body);
    // The probe prints a newline before each end marker: drop the empty line it may leave.
    if (file == null && rc != null && !lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return new Section(name, List.copyOf(lines), Collections.unmodifiableMap(all), rc);
  }

  private static String dropFramingNewline(String text, boolean ended) {
    return ended && text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** The section of that name, or null when the probe did not print it. */
  public Section section(String name) {
    return sections.get(name);
  }
}
