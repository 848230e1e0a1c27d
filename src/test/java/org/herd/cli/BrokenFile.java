package org.herd.cli;

import java.nio.charset.StandardCharsets;

/**
 * A valid file after one breakage.
 *
 * @param how what was done to it, for the report of a failing try
 * @param bytes the file's bytes
 * @param surelyBad whether no reader may accept it (an unknown key, bytes that are not UTF-8, a
 *     range past the inventory's limit…); otherwise (a line deleted, a value swapped for another
 *     kind) it may still be valid, and must then be accepted like its seed
 */
record BrokenFile(String how, byte[] bytes, boolean surelyBad) {

  static BrokenFile maybe(String how, String text) {
    return new BrokenFile(how, text.getBytes(StandardCharsets.UTF_8), false);
  }

  static BrokenFile surely(String how, String text) {
    return new BrokenFile(how, text.getBytes(StandardCharsets.UTF_8), true);
  }

  static BrokenFile surely(String how, byte[] bytes) {
    return new BrokenFile(how, bytes, true);
  }

  /** The breakage, and the file's start when it is short enough to read in a report. */
  @Override
  public String toString() {
    String text = new String(bytes, StandardCharsets.UTF_8);
    String shown = text.length() > 600 ? text.substring(0, 600) + "…" : text;
    return how + (surelyBad ? " (surely bad)" : "") + "\n---\n" + shown + "\n---";
  }
}
