package org.herd.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenSSH client configuration file ({@code ~/.ssh/config} or {@code -F FILE}), read the way
 * {@code ssh(1)} reads it, for the options herd's {@code ssh} transport supports.
 *
 * <p>Blocks apply in file order to every alias their {@code Host} patterns match, and for each
 * option the first value obtained wins ({@code IdentityFile} accumulates). Options before the first
 * {@code Host} apply to every host. {@code Include} is followed (relative paths from {@code
 * ~/.ssh}, globs in the last path component). {@code Match all} is read as {@code Host *}; any
 * other {@code Match} block is skipped with a warning, as are options herd does not know (use the
 * {@code openssh} transport for those). The system-wide {@code /etc/ssh/ssh_config} is not read.
 *
 * <p>Supported: HostName, User, Port, IdentityFile, IdentitiesOnly, ProxyJump, ConnectTimeout,
 * ServerAliveInterval, ServerAliveCountMax, UserKnownHostsFile, GlobalKnownHostsFile,
 * StrictHostKeyChecking, HashKnownHosts, IdentityAgent, HostKeyAlias, KexAlgorithms. Tokens {@code
 * %h %p %r %u %n %d %%} and a leading {@code ~} are expanded in file names and HostName.
 */
final class SshConfig {
  private static final Logger log = LoggerFactory.getLogger(SshConfig.class);
  private static final Pattern SPLIT = Pattern.compile("^\\s*(\\S+?)(?:\\s*=\\s*|\\s+)(.*)$");
  private static final int MAX_INCLUDE_DEPTH = 16;

  /** Options whose values herd reads; others are ignored with a debug note. */
  private static final List<String> KNOWN =
      List.of(
          "hostname",
          "user",
          "port",
          "identityfile",
          "identitiesonly",
          "proxyjump",
          "connecttimeout",
          "serveraliveinterval",
          "serveralivecountmax",
          "userknownhostsfile",
          "globalknownhostsfile",
          "stricthostkeychecking",
          "hashknownhosts",
          "identityagent",
          "hostkeyalias",
          "kexalgorithms");

  /** One option line. */
  record Option(String key, List<String> values, Path file, int line) {}

  /** A {@code Host} block (the leading options form a block matching everything). */
  record Block(List<String> patterns, List<Option> options) {}

  private final List<Block> blocks;

  private SshConfig(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** A configuration without any option. */
  static SshConfig empty() {
    return new SshConfig(List.of());
  }

  /**
   * Reads a config file; a missing file is an empty config.
   *
   * @throws IllegalArgumentException naming {@code file:line} when a line cannot be parsed
   */
  static SshConfig load(Path file, Path home) throws IOException {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block(List.of("*"), new ArrayList<>()));
    try {
      read(file, home, blocks, 0);
    } catch (NoSuchFileException missing) {
      return empty();
    }
    return new SshConfig(blocks);
  }

  /** Parses config text (for tests and inline configs). */
  static SshConfig parse(String text, Path file, Path home) throws IOException {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block(List.of("*"), new ArrayList<>()));
    readLines(text.lines().toList(), file, home, blocks, 0);
    return new SshConfig(blocks);
  }

  private static void read(Path file, Path home, List<Block> blocks, int depth) throws IOException {
    readLines(Files.readAllLines(file), file, home, blocks, depth);
  }

  private static void readLines(
      List<String> lines, Path file, Path home, List<Block> blocks, int depth) throws IOException {
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      var matcher = SPLIT.matcher(line);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(file + ":" + number + ": no value for '" + line + "'");
      }
      String key = matcher.group(1).toLowerCase(Locale.ROOT);
      List<String> values = words(matcher.group(2), file, number);
      switch (key) {
        case "host" -> blocks.add(new Block(values, new ArrayList<>()));
        case "match" -> {
          if (values.size() == 1 && values.get(0).equalsIgnoreCase("all")) {
            blocks.add(new Block(List.of("*"), new ArrayList<>()));
          } else {
            log.warn("{}:{}: 'Match {}' is not supported; block ignored", file, number, values);
            blocks.add(new Block(List.of(), new ArrayList<>()));
          }
        }
        case "include" -> include(values, file, number, home, blocks, depth);
        default -> {
          if (!KNOWN.contains(key)) {
            log.debug("{}:{}: option '{}' is not used by the ssh transport", file, number, key);
          }
          blocks.get(blocks.size() - 1).options().add(new Option(key, values, file, number));
        }
      }
    }
  }

  private static void include(
      List<String> values, Path file, int number, Path home, List<Block> blocks, int depth)
      throws IOException {
    if (depth >= MAX_INCLUDE_DEPTH) {
      throw new IllegalArgumentException(file + ":" + number + ": Include nested too deeply");
    }
    for (String value : values) {
      String expanded = value.startsWith("~") ? home + value.substring(1) : value;
      Path target = Path.of(expanded);
      if (!target.isAbsolute()) {
        target = home.resolve(".ssh").resolve(target);
      }
      Path dir = target.getParent();
      String glob = target.getFileName().toString();
      if (dir == null || !Files.isDirectory(dir)) {
        continue;
      }
      List<Path> matches = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
        stream.forEach(matches::add);
      }
      matches.sort(null);
      for (Path match : matches) {
        // An included file keeps the conditions of the block it is included from.
        Block current = blocks.get(blocks.size() - 1);
        read(match, home, blocks, depth + 1);
        blocks.add(new Block(current.patterns(), new ArrayList<>()));
      }
    }
  }

  /** Splits a value into words, honouring double quotes. */
  private static List<String> words(String text, Path file, int number) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          words.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(file + ":" + number + ": unbalanced quote");
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  /** Every option that applies to {@code alias}, first value first (IdentityFile accumulates). */
  Map<String, List<Option>> optionsFor(String alias) {
    Map<String, List<Option>> result = new HashMap<>();
    for (Block block : blocks) {
      if (!HostPattern.matchesList(block.patterns(), alias)) {
        continue;
      }
      for (Option option : block.options()) {
        List<Option> seen = result.computeIfAbsent(option.key(), k -> new ArrayList<>());
        if (seen.isEmpty() || option.key().equals("identityfile")) {
          seen.add(option);
        }
      }
    }
    return result;
  }

  /**
   * Resolves the settings of {@code alias}.
   *
   * @param localUser the local user name, the default login user
   * @param home the local home directory
   * @param agentSocket {@code SSH_AUTH_SOCK}, or null
   * @param defaultTimeout the connect timeout when the config sets none
   * @param defaultKeepAlive the keep-alive interval when the config sets none
   */
  HostSettings settingsFor(
      String alias,
      String localUser,
      Path home,
      Path agentSocket,
      Duration defaultTimeout,
      Duration defaultKeepAlive) {
    Map<String, List<Option>> options = optionsFor(alias);
    String port = first(options, "port", "22");
    String user = first(options, "user", localUser);
    Tokens tokens = new Tokens(alias, alias, port, user, localUser, home);
    String hostName = tokens.expand(first(options, "hostname", alias));
    tokens = new Tokens(alias, hostName, port, user, localUser, home);
    List<Path> identities = new ArrayList<>();
    for (Option option : options.getOrDefault("identityfile", List.of())) {
      for (String value : option.values()) {
        if (!value.equalsIgnoreCase("none")) {
          identities.add(Path.of(tokens.expand(value)));
        }
      }
    }
    if (identities.isEmpty()) {
      for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
        identities.add(home.resolve(".ssh").resolve(name));
      }
    }
    List<Path> userKnown = paths(options, "userknownhostsfile", tokens);
    if (userKnown.isEmpty()) {
      userKnown = List.of(home.resolve(".ssh/known_hosts"), home.resolve(".ssh/known_hosts2"));
    }
    List<Path> globalKnown = paths(options, "globalknownhostsfile", tokens);
    if (globalKnown.isEmpty()) {
      globalKnown =
          List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2"));
    }
    String strict = first(options, "stricthostkeychecking", "ask").toLowerCase(Locale.ROOT);
    HostSettings.HostKeyPolicy policy =
        switch (strict) {
          case "accept-new", "no", "off", "false" -> HostSettings.HostKeyPolicy.ACCEPT_NEW;
          default -> HostSettings.HostKeyPolicy.REFUSE;
        };
    String agent = first(options, "identityagent", "SSH_AUTH_SOCK");
    Path agentPath =
        switch (agent) {
          case "none" -> null;
          case "SSH_AUTH_SOCK" -> agentSocket;
          default ->
              agent.startsWith("$")
                  ? ("$SSH_AUTH_SOCK".equals(agent) ? agentSocket : null)
                  : Path.of(tokens.expand(agent));
        };
    return new HostSettings(
        alias,
        hostName,
        parsePort(port, options),
        user,
        identities,
        yes(first(options, "identitiesonly", "no")),
        noneToNull(first(options, "proxyjump", null)),
        seconds(first(options, "connecttimeout", null), defaultTimeout),
        seconds(first(options, "serveraliveinterval", null), defaultKeepAlive),
        Integer.parseInt(first(options, "serveralivecountmax", "3")),
        userKnown,
        globalKnown,
        policy,
        yes(first(options, "hashknownhosts", "no")),
        agentPath,
        first(options, "hostkeyalias", null),
        first(options, "kexalgorithms", null));
  }

  private static int parsePort(String port, Map<String, List<Option>> options) {
    try {
      int value = Integer.parseInt(port);
      if (value > 0 && value < 65536) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    Option where = options.getOrDefault("port", List.of()).stream().findFirst().orElse(null);
    throw new IllegalArgumentException(
        (where == null ? "" : where.file() + ":" + where.line() + ": ")
            + "bad port '"
            + port
            + "'");
  }

  private static String first(Map<String, List<Option>> options, String key, String fallback) {
    List<Option> found = options.get(key);
    if (found == null || found.isEmpty() || found.get(0).values().isEmpty()) {
      return fallback;
    }
    return String.join(" ", found.get(0).values());
  }

  private static List<Path> paths(Map<String, List<Option>> options, String key, Tokens tokens) {
    List<Path> paths = new ArrayList<>();
    List<Option> found = options.get(key);
    if (found != null && !found.isEmpty()) {
      for (String value : found.get(0).values()) {
        if (!value.equalsIgnoreCase("none")) {
          paths.add(Path.of(tokens.expand(value)));
        }
      }
    }
    return paths;
  }

  private static boolean yes(String value) {
    return value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true");
  }

  private static String noneToNull(String value) {
    return value == null || value.equalsIgnoreCase("none") ? null : value;
  }

  private static Duration seconds(String value, Duration fallback) {
    if (value == null || value.equalsIgnoreCase("none")) {
      return fallback;
    }
    return Duration.ofSeconds(Long.parseLong(value));
  }

  /** The {@code %} tokens of ssh_config. */
  private record Tokens(
      String alias, String host, String port, String user, String localUser, Path home) {
    String expand(String value) {
      String text = value.startsWith("~/") || value.equals("~") ? home + value.substring(1) : value;
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c != '%' || i + 1 == text.length()) {
          out.append(c);
          continue;
        }
        char token = text.charAt(++i);
        switch (token) {
          case 'h' -> out.append(host);
          case 'n' -> out.append(alias);
          case 'p' -> out.append(port);
          case 'r' -> out.append(user);
          case 'u' -> out.append(localUser);
          case 'd' -> out.append(home);
          case '%' -> out.append('%');
          default -> out.append('%').append(token);
        }
      }
      return out.toString();
    }
  }
}
