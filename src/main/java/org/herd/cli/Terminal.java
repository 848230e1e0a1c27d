package org.herd.cli;

import java.util.Map;

/**
 * What the CLI knows about where its output goes: whether standard output is an interactive
 * terminal and whether colour may be used.
 *
 * <p>Colour is used only on a TTY, never when {@code NO_COLOR} is set (https://no-color.org) and
 * never on a dumb terminal.
 *
 * @param interactive standard output is a terminal
 * @param colour ANSI colours may be written
 */
public record Terminal(boolean interactive, boolean colour) {

  /** Detects the terminal of this process from its console and environment. */
  public static Terminal detect(Map<String, String> env) {
    boolean tty = System.console() != null;
    boolean noColour = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"));
    return new Terminal(tty, tty && !noColour);
  }

  /** A terminal for tests and pipes: not interactive, no colour. */
  public static Terminal plain() {
    return new Terminal(false, false);
  }

  /** Wraps {@code text} in the ANSI code {@code sgr} when colour is enabled. */
  public String paint(String sgr, String text) {
    return colour ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
  }
}
