package org.herd.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herd.text.DidYouMean;

/**
 * Reads Ansible INI inventories: {@code [group]} sections of host lines ({@code web[01:20]
 * ansible_user=deploy}), {@code [group:children]} and {@code [group:vars]}, with the lines before
 * the first section in {@code ungrouped}, as Ansible's {@code ini} inventory plugin does. Unlike
 * Ansible, it reports every mistake, each as {@code FILE:LINE:COL}.
 */
final class AnsibleIniReader {

  private static final Pattern SECTION =
      Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$");
  private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");
  private static final List<String> SECTION_KINDS = List.of("hosts", "children", "vars");

  private final Problems problems;

  AnsibleIniReader(Problems problems) {
    this.problems = problems;
  }

  /** A token of a host line and the 1-based column where it starts. */
  record Token(String text, int column) {}

  InventorySpec read(String file, Path directory, String text) {
    AnsibleInventoryBuilder builder = new AnsibleInventoryBuilder(file, directory, problems);
    // [group:vars] is valid only for groups declared by [group] or [group:children].
    Map<String, Position> varsOnly = new LinkedHashMap<>();
    Set<String> declared = new HashSet<>(AnsibleInventoryBuilder.IMPLICIT_GROUPS);
    String group = "ungrouped";
    String kind = "hosts";
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      String line = raw.strip();
      int indent = raw.indexOf(line.isEmpty() ? " " : line.substring(0, 1)) + 1;
      Position at = new Position(file, i + 1, Math.max(1, indent));
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        group = section.group(1);
        kind = section.group(2) == null ? "hosts" : section.group(2);
        if (!SECTION_KINDS.contains(kind)) {
          problems.add(
              at,
              "section ["
                  + group
                  + ":"
                  + kind
                  + "] has unknown type `"
                  + kind
                  + "`; use children or vars"
                  + DidYouMean.hint(kind, SECTION_KINDS));
          kind = "skip";
        } else if (kind.equals("vars")) {
          if (!declared.contains(group)) {
            varsOnly.putIfAbsent(group, at);
          }
        } else {
          builder.group(group, new Position(file, i + 1, indent + 1));
          declared.add(group);
          varsOnly.remove(group);
        }
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        problems.add(
            at,
            "invalid section `"
                + line
                + "`: write [group], [group:children] or [group:vars], without spaces");
        kind = "skip";
        continue;
      }
      switch (kind) {
        case "hosts" -> hostLine(builder, group, raw, file, i + 1);
        case "vars" -> varLine(builder, group, line, at);
        case "children" -> childLine(builder, group, line, at);
        default -> {
          // Lines of an invalid section were reported with the section.
        }
      }
    }
    varsOnly.forEach(
        (name, at) ->
            problems.add(
                at,
                "section ["
                    + name
                    + ":vars] is for a group that is never declared with ["
                    + name
                    + "] or ["
                    + name
                    + ":children]"));
    return builder.build();
  }

  private void hostLine(
      AnsibleInventoryBuilder builder, String group, String raw, String file, int line) {
    List<Token> tokens;
    try {
      tokens = tokens(raw);
    } catch (IllegalArgumentException e) {
      problems.add(new Position(file, line, 1), e.getMessage());
      return;
    }
    if (tokens.isEmpty()) {
      return;
    }
    List<AnsibleVars.Var> vars = new ArrayList<>();
    for (Token token : tokens.subList(1, tokens.size())) {
      Position at = new Position(file, line, token.column());
      int eq = token.text().indexOf('=');
      if (eq <= 0) {
        problems.add(at, "expected key=value after the host name, got `" + token.text() + "`");
        continue;
      }
      vars.add(
          new AnsibleVars.Var(
              token.text().substring(0, eq), value(token.text().substring(eq + 1)), at));
    }
    Token host = tokens.get(0);
    builder.hosts(group, host.text(), new Position(file, line, host.column()), vars);
  }

  private void varLine(AnsibleInventoryBuilder builder, String group, String line, Position at) {
    int eq = line.indexOf('=');
    if (eq <= 0) {
      problems.add(at, "expected key=value in [" + group + ":vars], got `" + line + "`");
      return;
    }
    String key = line.substring(0, eq).strip();
    String value = line.substring(eq + 1).strip();
    builder.var(group, new AnsibleVars.Var(key, value(unquote(value)), at));
  }

  private void childLine(AnsibleInventoryBuilder builder, String group, String line, Position at) {
    Matcher m = GROUP_NAME.matcher(line);
    if (!m.matches()) {
      problems.add(at, "expected a group name in [" + group + ":children], got `" + line + "`");
      return;
    }
    builder.child(group, m.group(1), at);
  }

  /**
   * Splits a host line as a POSIX shell would (quotes, backslashes), dropping a {@code #} comment,
   * and remembers where each token starts.
   */
  static List<Token> tokens(String line) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder current = null;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          current.append(line.charAt(++i));
        } else {
          current.append(c);
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (current != null) {
          tokens.add(new Token(current.toString(), start + 1));
          current = null;
        }
        continue;
      }
      if (c == '#') {
        break;
      }
      if (current == null) {
        current = new StringBuilder();
        start = i;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '\\' && i + 1 < line.length()) {
        current.append(line.charAt(++i));
      } else {
        current.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote " + quote + " in host line");
    }
    if (current != null) {
      tokens.add(new Token(current.toString(), start + 1));
    }
    return tokens;
  }

  /** Ansible reads INI values as Python literals when it can: numbers and booleans. */
  private static Object value(String text) {
    if (text.matches("-?[0-9]{1,18}")) {
      // The same types as YAML numbers, so INI and YAML inventories compare equal.
      long n = Long.parseLong(text);
      if (n == (int) n) {
        return Integer.valueOf((int) n);
      }
      return Long.valueOf(n);
    }
    if (text.equals("True")) {
      return Boolean.TRUE;
    }
    if (text.equals("False")) {
      return Boolean.FALSE;
    }
    return text;
  }

  private static String unquote(String text) {
    if (text.length() >= 2
        && (text.startsWith("\"") && text.endsWith("\"")
            || text.startsWith("'") && text.endsWith("'"))) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }
}
