package org.herd.transport;

import java.util.Locale;

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
