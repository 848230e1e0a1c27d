package org.herd.recipe;

/**
 * When a member's packages are installed, relative to its turn out of service: the recipe key
 * {@code install}.
 */
public enum InstallTiming {
  /**
   * In the member's turn ({@code install: in-turn}, the default): drained, then installed, then
   * restarted, all while it counts against the budget. Right for services that load code from disk
   * while they run (Erlang, Java, Python), which new files under a running process could break.
   */
  IN_TURN("in-turn"),
  /**
   * Ahead of its turn ({@code install: ahead}): every member of the wave installs its packages with
   * its services held by herd's guard, while the old processes keep running and serving; the
   * member's turn is then only its drain, restart, health and undrain. Right for services that read
   * their code once at start (a static binary, a server whose plugins load at start).
   */
  AHEAD("ahead");

  private final String key;

  InstallTiming(String key) {
    this.key = key;
  }

  /** The value in a recipe file. */
  public String key() {
    return key;
  }
}
