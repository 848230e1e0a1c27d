package org.herd.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.herd.transport.SshConfig.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the options in force for one host ({@link SshConfig#optionsFor}) into its {@link
 * HostSettings}, after refusing what the {@code ssh} transport cannot honour ({@link
 * SshOptionSupport}), each refusal naming the line (or the ssh option) it comes from.
 */
final class HostSettingsReader {
  private static final Logger log = LoggerFactory.getLogger(HostSettingsReader.class);

  /**
   * What the local side contributes.
   *
   * @param user the local user name, the default login user
   * @param home the local home directory
   * @param agentSocket {@code SSH_AUTH_SOCK}, or null
   * @param connectTimeout the connect timeout when no option sets one
   * @param keepAlive the keep-alive interval when no option sets one
   */
  record Local(
      String user, Path home, Path agentSocket, Duration connectTimeout, Duration keepAlive) {}

  private HostSettingsReader() {}

  /**
   * The settings of {@code alias} under {@code options}.
   *
   * @throws IllegalArgumentException naming the line of a bad value or of an option the transport
   *     cannot honour
   */
  static HostSettings read(String alias, Map<String, List<Option>> options, Local local) {
    refuseUnsupported(options);
    String port = first(options, "port", "22");
    String user = first(options, "user", local.user());
    Tokens tokens = new Tokens(alias, alias, port, user, local.user(), local.home());
    String hostName = tokens.expand(first(options, "hostname", alias));
    tokens = new Tokens(alias, hostName, port, user, local.user(), local.home());
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
        identities.add(local.home().resolve(".ssh").resolve(name));
      }
    }
    List<Path> userKnown = paths(options, "userknownhostsfile", tokens);
    if (userKnown.isEmpty()) {
      userKnown =
          List.of(
              local.home().resolve(".ssh/known_hosts"), local.home().resolve(".ssh/known_hosts2"));
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
          case "SSH_AUTH_SOCK" -> local.agentSocket();
          default ->
              agent.startsWith("$")
                  ? ("$SSH_AUTH_SOCK".equals(agent) ? local.agentSocket() : null)
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
        proxyCommand(options, hostName, port, user, alias),
        seconds(options, "connecttimeout", local.connectTimeout()),
        seconds(options, "serveraliveinterval", local.keepAlive()),
        Integer.parseInt(first(options, "serveralivecountmax", "3")),
        userKnown,
        globalKnown,
        policy,
        yes(first(options, "hashknownhosts", "no")),
        agentPath,
        first(options, "hostkeyalias", null),
        new HostSettings.Algorithms(
            first(options, "kexalgorithms", null),
            first(options, "ciphers", null),
            first(options, "macs", null),
            first(options, "hostkeyalgorithms", null),
            first(
                options,
                "pubkeyacceptedalgorithms",
                first(options, "pubkeyacceptedkeytypes", null))));
  }

  /** Refuses the first option in force that the transport cannot honour; notes ignored ones. */
  private static void refuseUnsupported(Map<String, List<Option>> options) {
    String ignoreUnknown = first(options, "ignoreunknown", null);
    for (List<Option> obtained : options.values()) {
      for (Option option : obtained) {
        Optional<String> refusal =
            SshOptionSupport.refusal(option.key(), option.raw(), ignoreUnknown);
        if (refusal.isPresent()) {
          throw new IllegalArgumentException(option.where() + ": " + refusal.get());
        }
        if (SshOptionSupport.rule(option.key())
            .filter(rule -> rule.support() == SshOptionSupport.Support.IGNORED)
            .isPresent()) {
          log.debug("{}: option {} has no effect on herd's sessions", option.where(), option.key());
        }
      }
    }
  }

  /**
   * The ProxyCommand with its tokens expanded, or null for none. The first of ProxyJump and
   * ProxyCommand given wins ({@link SshConfig#optionsFor} keeps only that one).
   */
  private static String proxyCommand(
      Map<String, List<Option>> options, String host, String port, String user, String alias) {
    List<Option> found = options.get("proxycommand");
    if (found == null || found.get(0).raw().equalsIgnoreCase("none")) {
      return null;
    }
    Option option = found.get(0);
    String text = option.raw();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      char token = i + 1 < text.length() ? text.charAt(++i) : ' ';
      switch (token) {
        case 'h' -> out.append(host);
        case 'p' -> out.append(port);
        case 'r' -> out.append(user);
        case 'n' -> out.append(alias);
        case '%' -> out.append('%');
        default ->
            throw new IllegalArgumentException(
                option.where() + ": ProxyCommand has an unknown token %" + token);
      }
    }
    return out.toString();
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
        (where == null ? "" : where.where() + ": ") + "bad port '" + port + "'");
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

  private static Duration seconds(
      Map<String, List<Option>> options, String key, Duration fallback) {
    String value = first(options, key, null);
    if (value == null || value.equalsIgnoreCase("none")) {
      return fallback;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          options.get(key).get(0).where() + ": bad number of seconds '" + value + "'");
    }
  }

  /** The {@code %} tokens of ssh_config file names and HostName. */
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
