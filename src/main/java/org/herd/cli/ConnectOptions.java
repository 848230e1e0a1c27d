package org.herd.cli;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.herd.ops.ConnectSettings;
import org.herd.transport.PassphraseProvider;
import org.herd.transport.RoutedTransport;
import org.herd.transport.Transport;
import org.herd.transport.TransportKind;
import org.herd.transport.TransportOptions;
import picocli.CommandLine.Option;

/**
 * How {@code herd run} and {@code herd copy} reach hosts: the transport, the ssh_config, host-key
 * policy, connect timeout and privileges.
 */
final class ConnectOptions {

  @Option(
      names = "--transport",
      paramLabel = "ssh|openssh|local",
      description =
          "How to reach the hosts (default: the inventory's setting, else ssh). 'local' runs on"
              + " this machine, once per host name.")
  String transport;

  @Option(
      names = "--ssh-config",
      paramLabel = "FILE",
      description = "OpenSSH client config to read instead of ~/.ssh/config.")
  Path sshConfig;

  @Option(
      names = "--accept-new-host-keys",
      description =
          "Accept and record the keys of hosts not yet in known_hosts (changed keys are always"
              + " refused).")
  boolean acceptNewHostKeys;

  @Option(
      names = {"-t", "--connect-timeout"},
      paramLabel = "SECONDS",
      description = "Give up connecting to a host after this long (default: 10).")
  Double connectTimeout;

  @Option(
      names = "--sudo",
      description = "Run as root through sudo (NOPASSWD unless --ask-become-pass).")
  boolean sudo;

  @Option(
      names = "--ask-become-pass",
      description = "Ask once for the sudo password (implies --sudo); it is never logged.")
  boolean askBecomePass;

  /** The transport named on the command line, or null to follow the inventory. */
  TransportKind kind() {
    if (transport == null) {
      return null;
    }
    try {
      return TransportKind.parse(transport);
    } catch (IllegalArgumentException e) {
      throw new UserError("--transport: " + e.getMessage());
    }
  }

  /** What the operator asked of every host, over the inventory's settings. */
  ConnectSettings settings(CliContext context) {
    Path file = sshConfig == null ? null : context.resolve(sshConfig.toString());
    if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
      throw new UserError(
          "--ssh-config "
              + sshConfig
              + ": "
              + (Files.isDirectory(file)
                  ? "a directory, not a file"
                  : Files.exists(file) ? "permission denied" : "no such file"));
    }
    return new ConnectSettings(Optional.ofNullable(kind()), become(), sshConfig != null);
  }

  /** Whether commands run through sudo. */
  boolean become() {
    return sudo || askBecomePass;
  }

  /** The transport {@link #share} opened, while it is open. */
  private RoutedTransport shared;

  /**
   * Keeps one transport for every phase of this command until the returned handle is closed: {@code
   * herd upgrade} plans then applies with the same SSH client, keys and passwords, asked once.
   */
  AutoCloseable share(CliContext context) {
    RoutedTransport transport = new RoutedTransport(Map.of(), transportOptions(context));
    shared = transport;
    return () -> {
      shared = null;
      transport.close();
    };
  }

  /** A transport to {@code kinds}' hosts: the shared one ({@link #share}), else a new one. */
  Transport transport(CliContext context, Map<String, TransportKind> kinds) {
    RoutedTransport open = shared;
    return open != null
        ? open.reroute(kinds)
        : new RoutedTransport(kinds, transportOptions(context));
  }

  /** The transport settings for this invocation; asks for the sudo password when told to. */
  TransportOptions transportOptions(CliContext context) {
    TransportOptions options =
        TransportOptions.defaults(context.home(), context.env())
            .withAcceptNewHostKeys(acceptNewHostKeys)
            .withClock(context.clock());
    if (sshConfig != null) {
      options = options.withSshConfig(context.resolve(sshConfig.toString()));
    }
    if (connectTimeout != null) {
      options = options.withConnectTimeout(seconds("--connect-timeout", connectTimeout));
    }
    Console console = System.console();
    if (console != null) {
      options =
          options.withPassphrases(
              keyFile -> console.readPassword("Enter passphrase for key '%s': ", keyFile));
    } else {
      options = options.withPassphrases(PassphraseProvider.NONE);
    }
    if (askBecomePass) {
      if (console == null) {
        throw new UserError("--ask-become-pass: no terminal to ask the password on");
      }
      options = options.withBecomePassword(console.readPassword("BECOME password: "));
    }
    return options;
  }

  /** A positive duration from seconds given on the command line, such as {@code 2.5}. */
  static Duration seconds(String option, double seconds) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new UserError(option + ": must be a positive number of seconds, not " + seconds);
    }
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }
}
