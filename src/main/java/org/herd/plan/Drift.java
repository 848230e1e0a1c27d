package org.herd.plan;

import java.util.List;
import java.util.Objects;
import org.herd.debian.DebianVersion;
import org.herd.debian.PackageName;

/** Whether a host still has the installed state its plan was made from (see {@link DriftCheck}). */
public sealed interface Drift {

  /** The host has exactly the plan's basis: the plan may be applied. */
  record Matches() implements Drift {}

  /**
   * The host moved since planning: the plan must not be applied to it.
   *
   * @param differences every package whose state differs, in package order
   */
  record Drifted(List<Difference> differences) implements Drift {

    /** Requires at least one difference. */
    public Drifted {
      differences = List.copyOf(differences);
      if (differences.isEmpty()) {
        throw new IllegalArgumentException("a drift has at least one difference");
      }
    }

    /** One line per difference, for the operator. */
    public List<String> reasons() {
      return differences.stream().map(Difference::describe).toList();
    }
  }

  /**
   * One package whose state differs from the plan's basis.
   *
   * @param pkg the package
   * @param kind how it differs
   * @param expected its version in the basis, null when it was not installed
   * @param found its version now, null when it is not installed or was not reported
   */
  record Difference(PackageName pkg, Kind kind, DebianVersion expected, DebianVersion found) {

    /** Requires the package and the kind. */
    public Difference {
      Objects.requireNonNull(pkg, "pkg");
      Objects.requireNonNull(kind, "kind");
    }

    /** One line: {@code nginx: installed 1.22.1-9+deb12u1, the plan was made from 1.22.1-9}. */
    public String describe() {
      return pkg
          + ": "
          + switch (kind) {
            case CHANGED -> "installed " + found + ", the plan was made from " + expected;
            case AT_PLANNED_VERSION ->
                "already at the planned version "
                    + found
                    + (expected == null
                        ? " (it was not installed when the plan was made)"
                        : " (the plan was made from " + expected + ")");
            case INSTALLED ->
                "installed " + found + ", the plan was made when it was not installed";
            case REMOVED -> "not installed, the plan was made from " + expected;
            case NOT_REPORTED -> "the probe did not report it";
          };
    }
  }

  /** How a package differs. */
  enum Kind {
    /** Another version is installed than the basis says. */
    CHANGED,
    /** The version the plan installs is installed already (a partial or repeated apply). */
    AT_PLANNED_VERSION,
    /** It was not installed when the plan was made, and now it is. */
    INSTALLED,
    /** It was installed when the plan was made, and now it is not. */
    REMOVED,
    /** The probe said nothing about it: its state is unknown. */
    NOT_REPORTED
  }
}
