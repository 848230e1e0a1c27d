package org.herd.facts;

import org.herd.debian.HerdGuard;

/**
 * herd's service guard on a host, as {@code herd status} shows it: none, active (a run is working
 * on the host), stale (its lease ran out: left by a run that died; it denies nothing any more but
 * should be removed by resuming or aborting that run), or broken (no readable lease).
 *
 * @param state the guard's classification, by the host's own clock
 * @param run the run that installed it, or null when unknown
 * @param leaseUntil when its lease runs out (ISO-8601), or null when unknown
 * @param spooled how many restarts the guard denied and recorded that were not performed yet
 * @param pendingRestarts the restarts herd's restart policy left pending ({@code
 *     /var/lib/herd/pending-restarts}), each as {@code UNIT (after-run|never, run ID)}
 */
public record GuardFacts(
    HerdGuard.State state,
    String run,
    String leaseUntil,
    int spooled,
    java.util.List<String> pendingRestarts) {

  /** No guard of herd on the host, nothing pending. */
  public static final GuardFacts NONE =
      new GuardFacts(HerdGuard.State.NONE, null, null, 0, java.util.List.of());

  /** Copies the list (absent in facts stored before herd read it: empty). */
  public GuardFacts {
    pendingRestarts =
        pendingRestarts == null ? java.util.List.of() : java.util.List.copyOf(pendingRestarts);
  }

  /** The facts of a classified guard with {@code spooled} denied restarts. */
  public static GuardFacts of(HerdGuard guard, int spooled, java.util.List<String> pending) {
    return new GuardFacts(
        guard.state(),
        guard.run(),
        guard.leaseUntil() == null ? null : guard.leaseUntil().toString(),
        spooled,
        pending);
  }

  /** What the status's policy column says of it; null when there is no guard. */
  public String describe() {
    return switch (state) {
      case NONE -> null;
      case ACTIVE -> "herd guard (run " + orUnknown(run) + ")";
      case STALE ->
          "STALE herd guard (run " + orUnknown(run) + ", lease ran out " + leaseUntil + ")";
      case BROKEN -> "BROKEN herd guard (run " + orUnknown(run) + ", no lease)";
    };
  }

  private static String orUnknown(String text) {
    return text == null ? "?" : text;
  }
}
