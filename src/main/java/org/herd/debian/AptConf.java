package org.herd.debian;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * apt configuration (apt.conf(5)) as read from files such as {@code
 * /etc/apt/apt.conf.d/50unattended-upgrades} or from {@code apt-config dump}, which prints the same
 * syntax flattened: scalar options ({@code APT::Periodic::Unattended-Upgrade "1";}) and lists
 * ({@code Unattended-Upgrade::Origins-Pattern { "a"; "b"; };}, or in dump form {@code
 * Unattended-Upgrade::Origins-Pattern:: "a";}). Option names are case-insensitive, as in apt.
 *
 * <p>Supported: {@code //}, {@code /* *}{@code /} and {@code #} comments, nested scopes, quoted and
 * bare values, and {@code #clear}. {@code #include} is reported as a warning (herd reads what
 * apt-config dump prints, which has includes resolved). Never throws.
 */
public final class AptConf {

  private final Map<String, String> scalars;
  private final Map<String, List<String>> lists;

  private AptConf(Map<String, String> scalars, Map<String, List<String>> lists) {
    this.scalars = scalars;
    this.lists = lists;
  }

  /** A scalar option, or null. */
  public String get(String name) {
    return scalars.get(name.toLowerCase(Locale.ROOT));
  }

  /** A list option's items, in order; empty if absent. */
  public List<String> list(String name) {
    return lists.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Parses one or more files' worth of configuration, applied in order. */
  public static Parsed<AptConf> parse(String content) {
    Map<String, String> scalars = new LinkedHashMap<>();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<String> scopes = new ArrayList<>();
    List<String> statement = new ArrayList<>();
    Tokens tokens = new Tokens(content);
    for (String token = tokens.next(); token != null; token = tokens.next()) {
      switch (token) {
        case "{" -> {
          if (statement.size() != 1) {
            warnings.add("scope without a single name: " + statement);
            statement.clear();
            scopes.add("");
          } else {
            scopes.add(key(scopes, unquote(statement.get(0))));
            statement.clear();
          }
        }
        case "}" -> {
          if (!statement.isEmpty()) {
            warnings.add("statement without ';': " + statement);
            statement.clear();
          }
          if (scopes.isEmpty()) {
            warnings.add("unbalanced '}'");
          } else {
            scopes.remove(scopes.size() - 1);
          }
        }
        case ";" -> {
          apply(scopes, statement, scalars, lists, warnings);
          statement.clear();
        }
        default -> {
          if (token.startsWith("#clear")) {
            String name = token.substring("#clear".length()).strip().toLowerCase(Locale.ROOT);
            scalars.keySet().removeIf(k -> k.equals(name) || k.startsWith(name + "::"));
            lists.keySet().removeIf(k -> k.equals(name) || k.startsWith(name + "::"));
          } else if (token.startsWith("#include")) {
            warnings.add("not followed: " + token);
          } else {
            statement.add(token);
          }
        }
      }
    }
    if (!statement.isEmpty() || !scopes.isEmpty()) {
      warnings.add("unterminated configuration at end of input");
    }
    return new Parsed<>(new AptConf(scalars, lists), warnings);
  }

  private static void apply(
      List<String> scopes,
      List<String> statement,
      Map<String, String> scalars,
      Map<String, List<String>> lists,
      List<String> warnings) {
    if (statement.isEmpty()) {
      return; // the ';' after a '}'
    }
    if (statement.size() == 1) {
      if (scopes.isEmpty()) {
        warnings.add("value without a name: " + statement.get(0));
      } else {
        lists
            .computeIfAbsent(scopes.get(scopes.size() - 1), k -> new ArrayList<>())
            .add(unquote(statement.get(0)));
      }
      return;
    }
    if (statement.size() != 2) {
      warnings.add("unexpected statement: " + String.join(" ", statement));
      return;
    }
    String name = unquote(statement.get(0));
    String value = unquote(statement.get(1));
    if (name.endsWith("::")) {
      String list = key(scopes, name.substring(0, name.length() - 2));
      lists.computeIfAbsent(list, k -> new ArrayList<>()).add(value);
      // apt-config dump prints a list's node with an empty value before its items.
      scalars.remove(list, "");
    } else if (!(value.isEmpty() && lists.containsKey(key(scopes, name)))) {
      scalars.put(key(scopes, name), value);
    }
  }

  private static String key(List<String> scopes, String name) {
    String prefix = scopes.isEmpty() ? "" : scopes.get(scopes.size() - 1);
    String full = prefix.isEmpty() ? name : prefix + "::" + name;
    return full.toLowerCase(Locale.ROOT);
  }

  private static String unquote(String token) {
    return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
        ? token.substring(1, token.length() - 1)
        : token;
  }

  /** Splits the text into names, quoted strings, braces, semicolons and # directives. */
  private static final class Tokens {
    private final String s;
    private int i;
    private boolean lineStart = true;

    Tokens(String s) {
      this.s = s;
    }

    String next() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\n') {
          lineStart = true;
          i++;
        } else if (Character.isWhitespace(c)) {
          i++;
        } else if (s.startsWith("//", i)) {
          skipLine();
        } else if (s.startsWith("/*", i)) {
          int end = s.indexOf("*/", i + 2);
          i = end < 0 ? s.length() : end + 2;
        } else if (c == '#') {
          int end = s.indexOf('\n', i);
          String line = s.substring(i, end < 0 ? s.length() : end).strip();
          boolean directive =
              lineStart && (line.startsWith("#clear") || line.startsWith("#include"));
          skipLine();
          if (directive) {
            return line.replaceAll(";\\s*$", "");
          }
        } else {
          lineStart = false;
          if (c == '{' || c == '}' || c == ';') {
            i++;
            return String.valueOf(c);
          }
          int start = i;
          if (c == '"') {
            int end = s.indexOf('"', i + 1);
            i = end < 0 ? s.length() : end + 1;
          } else {
            while (i < s.length()
                && !Character.isWhitespace(s.charAt(i))
                && "{};\"".indexOf(s.charAt(i)) < 0) {
              i++;
            }
          }
          return s.substring(start, i);
        }
      }
      return null;
    }

    private void skipLine() {
      int end = s.indexOf('\n', i);
      i = end < 0 ? s.length() : end;
    }
  }
}
