package org.herd.engine;

/**
 * The steps of one host's upgrade, in the order they run, and the two that run like a {@code
 * finally}.
 *
 * <pre>
 *   download ─ (every host of the run, before any host is disrupted)
 *   precheck → drain → guard → install → restart → reboot → health → undrain → unguard → verify
 *                 │        │                                            ▲          ▲
 *                 └────────┴──── on failure, pause-free abort ──────────┴──────────┘  (cleanup runs)
 *
 *   installing ahead (a recipe's install: ahead): precheck → guard → preinstall before the turn,
 *   services held; the turn is then drain → install (what is left: the recipe's in-turn packages)
 *   → restart → … as above
 * </pre>
 *
 * <p>{@link #UNDRAIN} is owed once {@link #DRAIN} was started, {@link #UNGUARD} once {@link #GUARD}
 * was started: a host that fails after draining is always undrained, and a guard is never left
 * behind by a failed host. The journal names steps by {@link #journalName()}; {@link #REBOOT} came
 * later, so a journal written before it simply has no reboot records (the step is then done as a
 * no-op under {@code --reboot never}, and never repeats a finished host).
 */
public enum UpgradeStep {
  DOWNLOAD,
  PRECHECK,
  DRAIN,
  GUARD,
  /** The plan's packages but the recipe's in-turn ones, installed ahead of the member's turn. */
  PREINSTALL,
  INSTALL,
  RESTART,
  REBOOT,
  HEALTH,
  UNDRAIN,
  UNGUARD,
  VERIFY;

  /** The step whose start makes this cleanup step owed, or null for a step that is not cleanup. */
  public UpgradeStep owedAfter() {
    return switch (this) {
      case UNDRAIN -> DRAIN;
      case UNGUARD -> GUARD;
      default -> null;
    };
  }

  /** Whether this step runs even after an earlier step failed or the run was aborted. */
  public boolean cleanup() {
    return owedAfter() != null;
  }

  /** The step's name in the journal and in output: lower case, as the operator reads it. */
  public String journalName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The step named so in the journal. */
  public static UpgradeStep ofJournalName(String name) {
    return valueOf(name.toUpperCase(java.util.Locale.ROOT));
  }
}
