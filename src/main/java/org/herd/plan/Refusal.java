package org.herd.plan;

import java.util.Objects;

/**
 * Why a host plan must not be executed.
 *
 * @param kind the kind of problem
 * @param message what exactly, for the operator ({@code removes mariadb-server; plan again with
 *     --allow-removals to allow it})
 */
public record Refusal(Kind kind, String message) {

  /** Requires both fields. */
  public Refusal {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of refusal. */
  public enum Kind {
    /** The upgrade removes packages and the plan was made without {@code --allow-removals}. */
    REMOVALS_NOT_ALLOWED,
    /**
     * The options left out a package that the upgrade installs as a new dependency, while keeping
     * packages that may need it: installing the rest would make apt pull it in anyway, or fail.
     */
    DEPENDENCY_LEFT_OUT,
    /** apt's simulation printed errors: what it would do is not known. */
    APT_ERRORS,
    /** The host's facts lack the simulation (probe cut, apt missing, not root...). */
    FACTS_INCOMPLETE
  }
}
