package org.herd.lab;

/** Where the lab reports what it is doing, one line per step (the CLI prints them to stderr). */
@FunctionalInterface
public interface Progress {

  /** Reports one step. */
  void say(String line);

  /** Reports nothing (for tests that only look at results). */
  static Progress silent() {
    return line -> {};
  }
}
