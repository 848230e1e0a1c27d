package org.herd;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (root, sshd, PostgreSQL, the lab's tools…). On a developer's
 * machine a missing prerequisite skips the test, saying what is missing; under CI ({@code CI=true},
 * which {@code .ci/run} sets after installing every prerequisite) it fails it, so that a green CI
 * is never a run that tested nothing real.
 */
public final class Prerequisites {

  private Prerequisites() {}

  /** Whether the tests run under CI, where every prerequisite must be there. */
  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Goes on when {@code met}; otherwise skips the test, or fails it under CI.
   *
   * @param missing what is missing and how to get it ("needs clustershell")
   */
  public static void require(boolean met, String missing) {
    if (met) {
      return;
    }
    if (underCi()) {
      fail(missing + " (under CI every prerequisite must be there: .ci/run installs them)");
    }
    Assumptions.abort(missing);
  }
}
