package org.herd.web;

import java.util.Locale;
import java.util.Set;

/**
 * On a loopback listener, the names a request may give in its {@code Host} header: this machine's
 * loopback names only. A page on another site that rebinds its own name to 127.0.0.1 (DNS
 * rebinding) would otherwise be able to read the open API through the operator's browser; its
 * requests carry its own name, and are refused.
 */
final class LoopbackHostCheck {

  private static final Set<String> NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private LoopbackHostCheck() {}

  /** Whether {@code host} (a {@code Host} header: name, optionally {@code :port}) is loopback. */
  static boolean allowed(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String name = host.strip().toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf(']')) {
      String port = name.substring(colon + 1);
      if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
        return false;
      }
      name = name.substring(0, colon);
    }
    return NAMES.contains(name);
  }
}
