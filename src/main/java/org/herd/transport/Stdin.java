package org.herd.transport;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;

/** What a command reads on its standard input. */
public sealed interface Stdin {

  /** End-of-file at once: the command never waits for input (the default). */
  static Stdin empty() {
    return Empty.INSTANCE;
  }

  /** These bytes, then end-of-file; the same array can feed many hosts. */
  static Stdin of(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  /**
   * A stream opened once per command, copied to the command and closed at its end; the transport
   * closes the stream it got.
   */
  static Stdin from(Supplier<InputStream> source) {
    return new Stream(source);
  }

  /** The caller writes through {@link Execution#stdin()} and closes it to send end-of-file. */
  static Stdin open() {
    return Open.INSTANCE;
  }

  /** See {@link #empty()}. */
  enum Empty implements Stdin {
    INSTANCE
  }

  /** See {@link #of(byte[])}. */
  record Bytes(byte[] bytes) implements Stdin {
    /** Checks the array. */
    public Bytes {
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  /** See {@link #from(Supplier)}. */
  record Stream(Supplier<InputStream> source) implements Stdin {
    /** Checks the supplier. */
    public Stream {
      Objects.requireNonNull(source, "source");
    }
  }

  /** See {@link #open()}. */
  enum Open implements Stdin {
    INSTANCE
  }
}
