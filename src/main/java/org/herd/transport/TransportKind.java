package org.herd.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.herd.text.SshArguments;

/** The implementations of {@link Transport}, by the name users write in inventories and options. */
public enum TransportKind {
  /** Apache MINA SSHD in-process: one connection per host, many channels; the default. */
  SSH,
  /** The system {@code ssh} binary with a private ControlMaster per host. */
  OPENSSH,
  /** The machine herd runs on, through {@code /bin/sh}. */
  LOCAL;

  /** Creates a transport of this kind. */
  public Transport create(TransportOptions options) {
    return switch (this) {
      case SSH -> new SshTransport(options);
      case OPENSSH -> new OpenSshTransport(options);
      case LOCAL -> new LocalTransport(options);
    };
  }

  /**
   * Why this transport cannot honour the ssh option {@code option} ({@code Key=Value}, as {@code
   * ssh -o} takes it), or empty when it can. The {@code ssh} transport checks its table of options
   * (docs/transport.md); the {@code openssh} transport leaves the option to ssh, which checks it
   * when it connects; the {@code local} transport has no use for ssh options.
   */
  public Optional<String> refusal(String option) {
    String written;
    try {
      written = SshArguments.option(option);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    if (this != SSH) {
      return Optional.empty();
    }
    int eq = written.indexOf('=');
    Optional<String> refused =
        SshOptionSupport.refusal(written.substring(0, eq), written.substring(eq + 1), null);
    if (refused.isPresent()) {
      return refused;
    }
    // A known option with a value the transport cannot read (Port=0, User=a b) is refused now
    // too, as every host would refuse it on connecting, one "bad ssh config" at a time.
    try {
      SshConfig.empty()
          .settingsFor(
              "herd", List.of(SshConfig.option(written, "ssh option " + written)), VALUE_CHECK);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** What reading an option's value needs of this machine: nothing, for a check of it alone. */
  private static final HostSettingsReader.Local VALUE_CHECK =
      new HostSettingsReader.Local(
          "herd", Path.of("/"), null, Duration.ofSeconds(10), Duration.ofSeconds(10));

  /**
   * What the transports cannot honour of how {@code endpoints} are reached, read without
   * connecting: for the hosts of the {@code ssh} transport, their ssh_config and options as {@link
   * Transport#open} reads them (one ssh_config read once for all); the others read theirs when they
   * connect. Checked before any host is, so that a mistake every host would report one at a time as
   * "bad ssh config" is one refusal.
   *
   * @param kinds each endpoint's transport, by host name
   * @return the first failure {@link Transport#open} would report before connecting, or empty
   */
  public static Optional<String> unsupported(
      Collection<Endpoint> endpoints, Map<String, TransportKind> kinds, TransportOptions options) {
    SshHostResolver resolver = null;
    for (Endpoint endpoint : endpoints) {
      if (kinds.get(endpoint.name()) != SSH) {
        continue;
      }
      if (resolver == null) {
        resolver = new SshHostResolver(options);
      }
      try {
        resolver.settings(endpoint, resolver.config(endpoint));
      } catch (TransportException e) {
        return Optional.of(e.getMessage());
      }
    }
    return Optional.empty();
  }

  /** The name as written in inventories and on the command line ({@code ssh}, {@code openssh}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a transport name.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is unknown
   */
  public static TransportKind parse(String name) {
    for (TransportKind kind : values()) {
      if (kind.label().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown transport '" + name + "' (expected ssh, openssh or local)");
  }
}
