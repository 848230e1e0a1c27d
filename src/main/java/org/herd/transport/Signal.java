package org.herd.transport;

/**
 * The signals herd sends to remote commands, by their POSIX names (as {@code kill -s} takes them).
 * Signals go to the command's whole process group, so pipelines and children stop too.
 */
public enum Signal {
  HUP(1),
  INT(2),
  QUIT(3),
  KILL(9),
  USR1(10),
  USR2(12),
  TERM(15);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  /** The Linux signal number, so that a shell-style exit code is {@code 128 + number()}. */
  public int number() {
    return number;
  }

  /** The signal with the given name (with or without {@code SIG}), or null when unknown. */
  public static Signal byName(String name) {
    String bare = name.startsWith("SIG") ? name.substring(3) : name;
    for (Signal signal : values()) {
      if (signal.name().equals(bare)) {
        return signal;
      }
    }
    return null;
  }

  /** The signal with the given Linux number, or null when herd does not know it. */
  public static Signal byNumber(int number) {
    for (Signal signal : values()) {
      if (signal.number == number) {
        return signal;
      }
    }
    return null;
  }
}
