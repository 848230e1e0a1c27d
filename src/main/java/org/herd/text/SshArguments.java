package org.herd.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenSSH client arguments herd understands where an operator writes them as a string:
 * Ansible's {@code ansible_ssh_common_args} and {@code ansible_ssh_extra_args}, and clush's form of
 * {@code -o} ({@code -o '-oPort=2222 -oStrictHostKeyChecking=no'}). The string is split as a POSIX
 * shell splits it (Ansible uses {@code shlex}).
 *
 * <p>Understood: {@code -o KEY=VALUE}, {@code -oKEY=VALUE}, {@code -o 'KEY VALUE'} (options, as
 * {@link #option} writes them), {@code -J HOST} (ProxyJump), {@code -i FILE}, {@code -p PORT},
 * {@code -l USER} and {@code -F FILE}, and the flags that are an option by another name ({@code -C}
 * is {@code Compression=yes}, {@code -A} {@code ForwardAgent=yes}, …, as ssh(1) defines them). Any
 * other argument is refused by name: herd cannot tell whether it matters, and silently dropping it
 * could connect differently than ssh would.
 *
 * @param options the ssh options, {@code Key=Value}, in the order given ({@code -J} as {@code
 *     ProxyJump=HOST})
 * @param identityFile the {@code -i} file, or null
 * @param port the {@code -p} port, or null
 * @param user the {@code -l} user, or null
 * @param sshConfig the {@code -F} file, or null
 */
public record SshArguments(
    List<String> options, String identityFile, Integer port, String user, String sshConfig) {

  private static final Pattern OPTION =
      Pattern.compile("\\s*([A-Za-z][A-Za-z0-9]*)(?:\\s*=\\s*|\\s+)(\\S.*?)\\s*", Pattern.DOTALL);

  /** The flags of ssh(1) that stand for an option. */
  private static final Map<Character, String> FLAGS =
      Map.of(
          '4', "AddressFamily=inet",
          '6', "AddressFamily=inet6",
          'A', "ForwardAgent=yes",
          'a', "ForwardAgent=no",
          'C', "Compression=yes",
          'q', "LogLevel=QUIET",
          'T', "RequestTTY=no",
          't', "RequestTTY=yes",
          'X', "ForwardX11=yes",
          'x', "ForwardX11=no");

  /** Freezes the options. */
  public SshArguments {
    options = List.copyOf(options);
  }

  /**
   * Parses a string of ssh arguments.
   *
   * @throws IllegalArgumentException naming the first argument herd does not understand, a missing
   *     value, a bad port or an option that is not {@code Key=Value}
   */
  public static SshArguments parse(String text) {
    List<String> words = split(text);
    List<String> options = new ArrayList<>();
    String identityFile = null;
    Integer port = null;
    String user = null;
    String sshConfig = null;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (word.length() < 2 || word.charAt(0) != '-') {
        throw new IllegalArgumentException(
            "ssh argument `" + word + "` is not understood (only ssh's options are)");
      }
      char flag = word.charAt(1);
      if (word.length() == 2 && FLAGS.containsKey(flag)) {
        options.add(FLAGS.get(flag));
        continue;
      }
      if ("oJiplF".indexOf(flag) < 0 || word.startsWith("--")) {
        throw new IllegalArgumentException(
            "ssh argument `"
                + word
                + "` is not supported (-o, -J, -i, -p, -l, -F and the flags that are an option"
                + " are); write it as an ssh option or drop it");
      }
      String value;
      if (word.length() > 2) {
        value = word.substring(2);
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw new IllegalArgumentException("ssh argument `" + word + "` needs a value");
      }
      if ((flag == 'i' || flag == 'F') && value.isEmpty()) {
        throw new IllegalArgumentException("ssh argument `-" + flag + "`: " + TextFile.EMPTY_NAME);
      }
      switch (flag) {
        case 'o' -> options.add(option(value));
        case 'J' -> options.add("ProxyJump=" + value);
        case 'i' -> identityFile = value;
        case 'p' -> port = port(value);
        case 'l' -> user = value;
        default -> sshConfig = value;
      }
    }
    return new SshArguments(options, identityFile, port, user, sshConfig);
  }

  /**
   * An ssh option as {@code ssh -o} takes it ({@code Key=Value} or {@code Key Value}), written
   * {@code Key=Value}.
   *
   * @throws IllegalArgumentException when it has no key or no value
   */
  public static String option(String text) {
    Matcher m = OPTION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "ssh option `" + text.strip() + "` must be written Key=Value, as ssh -o takes it");
    }
    return m.group(1) + "=" + m.group(2);
  }

  private static int port(String text) {
    return PortNumber.parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "ssh argument -p needs a port from 1 to 65535, not " + text));
  }

  /**
   * Splits a line into words as a POSIX shell does: blanks separate words, single quotes keep
   * everything, double quotes keep all but {@code \"} and {@code \\}, a backslash outside quotes
   * keeps the next character.
   *
   * @throws IllegalArgumentException when a quote is not closed
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (quote == '"'
            && c == '\\'
            && i + 1 < line.length()
            && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in ssh arguments `" + line + "`");
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
