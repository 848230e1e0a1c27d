package org.herd.debian;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A package's state in dpkg's database, as {@code dpkg-query}'s {@code ${db:Status-Abbrev}} writes
 * it: three characters, the selection (want), the status and the error flag ({@code R}:
 * reinstallation required). {@code ii } is a healthy installed package; {@code iF } a package whose
 * configuration failed half-way.
 *
 * @param selection what the administrator wants
 * @param status where dpkg got to
 * @param reinstallRequired the error flag {@code R}
 */
public record DpkgState(Selection selection, Status status, boolean reinstallRequired) {

  /** The first character of the abbreviation. */
  public enum Selection {
    UNKNOWN('u'),
    INSTALL('i'),
    HOLD('h'),
    DEINSTALL('r'),
    PURGE('p');

    private final char code;

    Selection(char code) {
      this.code = code;
    }

    static Selection of(char c) {
      for (Selection s : values()) {
        if (s.code == c) {
          return s;
        }
      }
      return null;
    }
  }

  /** The second character of the abbreviation. */
  public enum Status {
    NOT_INSTALLED('n'),
    CONFIG_FILES('c'),
    HALF_INSTALLED('H'),
    UNPACKED('U'),
    HALF_CONFIGURED('F'),
    TRIGGERS_AWAITED('W'),
    TRIGGERS_PENDING('t'),
    INSTALLED('i');

    private final char code;

    Status(char code) {
      this.code = code;
    }

    static Status of(char c) {
      for (Status s : values()) {
        if (s.code == c) {
          return s;
        }
      }
      return null;
    }
  }

  /**
   * Parses a {@code db:Status-Abbrev} value ({@code "ii "}, {@code "iHR"}); trailing blanks may be
   * missing.
   *
   * @return the state, or null when the text is not an abbreviation dpkg writes
   */
  public static DpkgState parse(String abbrev) {
    if (abbrev == null || abbrev.length() < 2 || abbrev.length() > 3) {
      return null;
    }
    Selection selection = Selection.of(abbrev.charAt(0));
    Status status = Status.of(abbrev.charAt(1));
    char error = abbrev.length() == 3 ? abbrev.charAt(2) : ' ';
    if (selection == null || status == null || (error != ' ' && error != 'R')) {
      return null;
    }
    return new DpkgState(selection, status, error == 'R');
  }

  /** Whether the package's files are on disk (installed or in a half-way state). */
  @JsonIgnore
  public boolean isPresent() {
    return status != Status.NOT_INSTALLED && status != Status.CONFIG_FILES;
  }

  /** Installed, configured, no triggers pending and no error. */
  @JsonIgnore
  public boolean isHealthy() {
    return status == Status.INSTALLED && !reinstallRequired;
  }
}
