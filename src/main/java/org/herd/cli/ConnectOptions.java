package org.herd.cli;

import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import org.herd.ops.ConnectSettings;
import org.herd.text.SshArguments;
import org.herd.text.TextFile;
import org.herd.transport.PassphraseProvider;
import org.herd.transport.RoutedTransport;
import org.herd.transport.Transport;
import org.herd.transport.TransportKind;
import org.herd.transport.TransportOptions;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How every command that connects reaches hosts: the transport, the ssh_config, the login user and
 * ssh options, host-key policy, connect timeout and privileges.
 *
 * <p>{@code --ssh-option} is also {@code -o}, as in ssh and clush, on every command where {@code
 * -o} means nothing else ({@link #withShortSshOption}): {@code herd plan} and {@code herd upgrade}
 * write their plan file with {@code -o}.
 */
final class ConnectOptions {
  private static final String SSH_OPTION = "--ssh-option";

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
      names = {"-l", "--user"},
      paramLabel = "USER",
      description = "Log in as USER on every host (over the inventory and ssh_config).")
  String user;

  @Option(
      names = SSH_OPTION,
      paramLabel = "OPTION",
      parameterConsumer = NextArgument.class,
      description =
          "An OpenSSH option for every host, Key=Value as ssh -o takes it (first value wins, over"
              + " the inventory and ssh_config); repeatable. Also clush's form, a string of ssh"
              + " arguments: '-oPort=2222 -oStrictHostKeyChecking=no' (-o, -J, -i, -p, -l, -F and"
              + " ssh's flags that are an option, such as -C).")
  List<String> sshOptions;

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
    Path file = sshConfigFile(context);
    if (file != null) {
      String named = sshConfig != null ? sshConfig.toString() : file.toString();
      TextFile.unreadable(named, file)
          .ifPresent(
              why -> {
                throw new UserError(
                    (sshConfig != null ? "--ssh-config " : "-o -F ") + named + ": " + why);
              });
    }
    return new ConnectSettings(
        Optional.ofNullable(kind()),
        become(),
        Optional.ofNullable(file),
        sshOptions(context).options());
  }

  /** The ssh options given, {@code -l} first, and an ssh_config given as {@code -o '-F FILE'}. */
  private record Given(List<String> options, String sshConfig) {}

  private Given sshOptions(CliContext context) {
    List<String> options = new ArrayList<>();
    if (user != null) {
      options.add("User=" + user);
    }
    String config = null;
    // picocli leaves the list null when the option is not given.
    for (String given : sshOptions == null ? List.<String>of() : sshOptions) {
      try {
        if (!given.strip().startsWith("-")) {
          options.add(SshArguments.option(given));
          continue;
        }
        SshArguments arguments = SshArguments.parse(given);
        options.addAll(arguments.options());
        if (arguments.identityFile() != null) {
          options.add("IdentityFile=" + context.resolve(arguments.identityFile()));
        }
        if (arguments.port() != null) {
          options.add("Port=" + arguments.port());
        }
        if (arguments.user() != null) {
          options.add("User=" + arguments.user());
        }
        if (arguments.sshConfig() != null) {
          if (config != null || sshConfig != null) {
            throw new IllegalArgumentException("give one ssh_config (--ssh-config or -F)");
          }
          config = arguments.sshConfig();
        }
      } catch (IllegalArgumentException e) {
        throw new UserError("-o " + given + ": " + e.getMessage());
      }
    }
    return new Given(options, config);
  }

  /** The ssh_config named by {@code --ssh-config} or {@code -o '-F FILE'}, or null. */
  private Path sshConfigFile(CliContext context) {
    if (sshConfig != null) {
      return context.resolve(sshConfig.toString());
    }
    String named = sshOptions(context).sshConfig();
    return named == null ? null : context.resolve(named);
  }

  /**
   * Gives {@code --ssh-option} its short name {@code -o} on {@code command}, when it has these
   * options and no other {@code -o}; picocli has no way to declare a short name that only some of a
   * mixin's commands get.
   */
  static void withShortSshOption(CommandSpec command) {
    OptionSpec option = command.findOption(SSH_OPTION);
    if (option == null || command.findOption("-o") != null) {
      return;
    }
    command.addOption(
        OptionSpec.builder("-o")
            .type(List.class)
            .auxiliaryTypes(String.class)
            .paramLabel(option.paramLabel())
            .description("The same as " + SSH_OPTION + ".")
            .getter(option.getter())
            .setter(option.setter())
            .parameterConsumer(option.parameterConsumer())
            .build());
  }

  /**
   * Takes the next argument as the option's value whatever it looks like: clush's form, {@code -o
   * '-oPort=2222'}, starts like an option, which picocli would otherwise refuse as a value.
   */
  static final class NextArgument implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
      if (args.isEmpty()) {
        throw new ParameterException(
            command.commandLine(),
            "Missing required parameter for option '" + SSH_OPTION + "' (OPTION)");
      }
      List<String> values = option.getValue();
      if (values == null) {
        values = new ArrayList<>();
        option.setValue(values);
      }
      values.add(args.pop());
    }
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
    Path file = sshConfigFile(context);
    if (file != null) {
      options = options.withSshConfig(file);
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
