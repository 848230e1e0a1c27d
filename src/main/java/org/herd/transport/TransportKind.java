package org.herd.transport;

import java.util.Locale;
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
    return SshOptionSupport.refusal(written.substring(0, eq), written.substring(eq + 1), null);
  }

  /**
   * What this transport cannot honour of how {@code endpoint} is reached, read without connecting
   * (for {@code herd inventory check}): for the {@code ssh} transport, its ssh_config and options
   * as {@link Transport#open} reads them; the others read theirs when they connect.
   *
   * @return the failure {@link Transport#open} would report before connecting, or empty
   */
  public Optional<String> unsupported(Endpoint endpoint, TransportOptions options) {
    if (this != SSH) {
      return Optional.empty();
    }
    SshHostResolver resolver = new SshHostResolver(options);
    try {
      resolver.settings(endpoint, resolver.config(endpoint));
      return Optional.empty();
    } catch (TransportException e) {
      return Optional.of(e.getMessage());
    }
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
