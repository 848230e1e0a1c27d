package org.herd.journal;

/** When a host's package versions were read during a run: before installing, or after. */
public enum VersionPhase {
  BEFORE,
  AFTER
}
