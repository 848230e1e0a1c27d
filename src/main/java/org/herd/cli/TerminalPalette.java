package org.herd.cli;

import org.herd.fleet.Palette;

/** The colours clush uses, painted through {@link Terminal#paint} (so never on a pipe). */
final class TerminalPalette implements Palette {

  private final Terminal terminal;

  TerminalPalette(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public String paint(Role role, String text) {
    String sgr =
        switch (role) {
          case LABEL -> "94";
          case STDERR_LABEL, DIFF_DELETE, ERROR -> "91";
          case DIFF_HEADER -> "1";
          case DIFF_HUNK -> "96";
          case DIFF_ADD -> "92";
        };
    return terminal.paint(sgr, text);
  }
}
