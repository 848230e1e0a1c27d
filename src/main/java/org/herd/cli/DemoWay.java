package org.herd.cli;

import java.util.Locale;

/**
 * Who upgrades the cluster in {@code herd demo}: herd, or one of the ways it is measured against.
 */
enum DemoWay {
  /** {@code herd upgrade}: the cluster's recipe, its budget and health gate. */
  HERD("herd upgrade"),
  /**
   * A careful operator by hand, scripted: one member at a time, {@code apt-get dist-upgrade}, the
   * member and then the cluster healthy before the next.
   */
  OPERATOR("the careful operator (one member at a time, apt-get dist-upgrade, health between)"),
  /** The seed's {@code clush … apt-get dist-upgrade}: every member at once. */
  CLUSH("clush … apt-get dist-upgrade (every member at once)");

  private final String description;

  DemoWay(String description) {
    this.description = description;
  }

  /** How the report names it. */
  String description() {
    return description;
  }

  /** The name on the command line, as in {@code --by operator}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
