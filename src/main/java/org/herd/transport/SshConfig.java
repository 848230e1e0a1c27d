package org.herd.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OpenSSH client configuration file ({@code ~/.ssh/config} or {@code -F FILE}), read the way
 * {@code ssh(1)} reads it, for the {@code ssh} transport.
 *
 * <p>Options given like {@code ssh -o} (an endpoint's own values and ssh options) come first; then
 * blocks apply in file order to every alias their {@code Host} patterns or {@code Match} criteria
 * ({@link SshConditions}) match, and for each option the first value obtained wins ({@code
 * IdentityFile} and {@code CertificateFile} accumulate; {@code ProxyJump} and {@code ProxyCommand}
 * share one value, the first of the two given). Options before the first {@code Host} apply to
 * every host. {@code Include} is followed (relative paths from {@code ~/.ssh}, globs in the last
 * path component); an included file's blocks apply only where the including block does. The
 * system-wide {@code /etc/ssh/ssh_config} is not read.
 *
 * <p>What the transport does with each option is {@link SshOptionSupport}'s table: an option in
 * force for a host that the transport cannot honour is an error naming its line ({@link
 * #settingsFor}), never silently dropped. Tokens {@code %h %p %r %u %n %d %%} and a leading {@code
 * ~} are expanded in file names and HostName; {@code %h %p %r %n %%} in ProxyCommand.
 */
final class SshConfig {
  private static final Pattern SPLIT = Pattern.compile("^\\s*(\\S+?)(?:\\s*=\\s*|\\s+)(.*)$");
  private static final int MAX_INCLUDE_DEPTH = 16;
  private static final List<String> ACCUMULATING = List.of("identityfile", "certificatefile");
  private static final List<String> PROXY = List.of("proxyjump", "proxycommand");

  /**
   * One option.
   *
   * @param key the keyword, lower case
   * @param values its value split into words (double quotes honoured)
   * @param raw its value as written (ProxyCommand takes it whole, as OpenSSH does)
   * @param where {@code FILE:LINE}, or the ssh option as given, for messages
   */
  record Option(String key, List<String> values, String raw, String where) {
    /** The first word of the value. */
    String first() {
      return values.isEmpty() ? "" : values.get(0);
    }
  }

  /** A block of options and when it applies. */
  record Block(SshConditions.Condition condition, List<Option> options) {}

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
    blocks.add(new Block(new SshConditions.Always(), new ArrayList<>()));
    try {
      read(file, home, blocks, new SshConditions.Always(), 0);
    } catch (NoSuchFileException missing) {
      return empty();
    }
    return new SshConfig(blocks);
  }

  /** Parses config text (for tests and inline configs). */
  static SshConfig parse(String text, Path file, Path home) throws IOException {
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block(new SshConditions.Always(), new ArrayList<>()));
    readLines(text.lines().toList(), file, home, blocks, new SshConditions.Always(), 0);
    return new SshConfig(blocks);
  }

  /**
   * An option as {@code ssh -o} takes it ({@code Key=Value} or {@code Key Value}).
   *
   * @throws IllegalArgumentException when it is not an option line
   */
  static Option option(String text, String where) {
    return line(text.strip(), where)
        .orElseThrow(() -> new IllegalArgumentException(where + ": no value"));
  }

  private static Optional<Option> line(String line, String where) {
    var matcher = SPLIT.matcher(line);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String key = matcher.group(1).toLowerCase(Locale.ROOT);
    String raw = matcher.group(2).strip();
    return Optional.of(new Option(key, words(raw, where), raw, where));
  }

  private static void read(
      Path file, Path home, List<Block> blocks, SshConditions.Condition outer, int depth)
      throws IOException {
    readLines(Files.readAllLines(file), file, home, blocks, outer, depth);
  }

  private static void readLines(
      List<String> lines,
      Path file,
      Path home,
      List<Block> blocks,
      SshConditions.Condition outer,
      int depth)
      throws IOException {
    for (int number = 1; number <= lines.size(); number++) {
      String text = lines.get(number - 1).strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String where = file + ":" + number;
      Option option =
          line(text, where)
              .orElseThrow(
                  () -> new IllegalArgumentException(where + ": no value for '" + text + "'"));
      SshConditions.Condition condition =
          switch (option.key()) {
            case "host" -> new SshConditions.HostLine(option.values());
            case "match" -> SshConditions.match(option.values(), where);
            default -> null;
          };
      if (condition != null) {
        boolean included = !(outer instanceof SshConditions.Always);
        blocks.add(
            new Block(
                included ? new SshConditions.Both(outer, condition) : condition,
                new ArrayList<>()));
      } else if (option.key().equals("include")) {
        include(option.values(), where, home, blocks, depth);
      } else {
        blocks.get(blocks.size() - 1).options().add(option);
      }
    }
  }

  private static void include(
      List<String> values, String where, Path home, List<Block> blocks, int depth)
      throws IOException {
    if (depth >= MAX_INCLUDE_DEPTH) {
      throw new IllegalArgumentException(where + ": Include nested too deeply");
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
        // An included file applies only where the block it is included from applies.
        SshConditions.Condition current = blocks.get(blocks.size() - 1).condition();
        read(match, home, blocks, current, depth + 1);
        blocks.add(new Block(current, new ArrayList<>()));
      }
    }
  }

  /** Splits a value into words, honouring double quotes. */
  private static List<String> words(String text, String where) {
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
      throw new IllegalArgumentException(where + ": unbalanced quote");
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  /**
   * Every option in force for {@code alias}: {@code commandLine} first, then the blocks that match,
   * the first value of each option first.
   *
   * @throws IllegalArgumentException naming the line of a {@code Match} criterion the transport
   *     cannot evaluate
   */
  Map<String, List<Option>> optionsFor(String alias, List<Option> commandLine, String localUser) {
    Map<String, List<Option>> result = new LinkedHashMap<>();
    commandLine.forEach(option -> obtain(result, option));
    for (Block block : blocks) {
      String hostName = first(result, "hostname", alias).replace("%h", alias);
      String user = first(result, "user", localUser);
      if (!block.condition().test(new SshConditions.Subject(alias, hostName, user, localUser))) {
        continue;
      }
      block.options().forEach(option -> obtain(result, option));
    }
    return result;
  }

  private static void obtain(Map<String, List<Option>> result, Option option) {
    String key = option.key();
    if (ACCUMULATING.contains(key)) {
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(option);
    } else if (PROXY.contains(key)) {
      if (PROXY.stream().noneMatch(result::containsKey)) {
        result.put(key, List.of(option));
      }
    } else {
      result.putIfAbsent(key, List.of(option));
    }
  }

  /**
   * The settings of {@code alias}: {@code commandLine} first, then this file.
   *
   * @throws IllegalArgumentException naming the line of a bad value, or of an option or {@code
   *     Match} criterion in force that the ssh transport cannot honour
   */
  HostSettings settingsFor(String alias, List<Option> commandLine, HostSettingsReader.Local local) {
    return HostSettingsReader.read(alias, optionsFor(alias, commandLine, local.user()), local);
  }

  private static String first(Map<String, List<Option>> options, String key, String fallback) {
    List<Option> found = options.get(key);
    return found == null || found.get(0).values().isEmpty() ? fallback : found.get(0).first();
  }
}
