package org.herd.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The answer of a health gate or a pre-stop check: pass, or fail with a one-line reason. */
public sealed interface GateVerdict {

  /** The gate passes: what it guards may go ahead. */
  record Pass() implements GateVerdict {}

  /**
   * The gate fails; {@code reason} says what was seen, for the operator.
   *
   * @param reason what was seen, one line
   * @param sameUntil when the policy knows that asking again before this instant would give the
   *     very same answer (a simulated gate in virtual time knows when its injected failure or its
   *     resync ends): the scheduler then need not ask again before it. Checks on real hosts cannot
   *     know it and leave it empty.
   */
  record Fail(String reason, Optional<Instant> sameUntil) implements GateVerdict {
    /** Checks the verdict. */
    public Fail {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(sameUntil, "sameUntil");
    }

    /** A failure that may end at any time: asked again at every decision. */
    public Fail(String reason) {
      this(reason, Optional.empty());
    }
  }

  /** The one passing verdict. */
  GateVerdict PASS = new Pass();

  /** Whether the gate passed. */
  default boolean passed() {
    return this instanceof Pass;
  }
}
