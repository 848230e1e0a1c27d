package org.herd.text;

import java.util.OptionalInt;

/** A TCP port as the operator writes it: a decimal number from 1 to 65535, nothing else. */
public final class PortNumber {

  private PortNumber() {}

  /** The port {@code text} names, or empty when it is not one. */
  public static OptionalInt parse(String text) {
    if (text.matches("[0-9]{1,5}")) {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65_535) {
        return OptionalInt.of(port);
      }
    }
    return OptionalInt.empty();
  }
}
