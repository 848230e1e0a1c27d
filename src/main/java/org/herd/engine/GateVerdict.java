package org.herd.engine;

import java.util.Objects;

/** The answer of a health gate or a pre-stop check: pass, or fail with a one-line reason. */
public sealed interface GateVerdict {

  /** The gate passes: what it guards may go ahead. */
  record Pass() implements GateVerdict {}

  /** The gate fails; {@code reason} says what was seen, for the operator. */
  record Fail(String reason) implements GateVerdict {
    public Fail {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The one passing verdict. */
  GateVerdict PASS = new Pass();

  /** Whether the gate passed. */
  default boolean passed() {
    return this instanceof Pass;
  }
}
