package org.herd.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.herd.debian.ConffileHashes;
import org.herd.debian.ConffilePolicy;
import org.herd.debian.PackageName;

/**
 * What the planner knows about a host's conffiles: the sums of each conffile of the packages to
 * upgrade (see {@link ConffileHashes}) and the dpkg options that will decide conflicts.
 *
 * @param unknown why the conffiles were not read, or null when they were
 * @param files every conffile of the examined packages, with its three sums
 * @param unexamined packages whose candidate could not be read, with the reason
 * @param policy the dpkg conffile options in force on the host (herd's and the host's own)
 */
public record ConffileInput(
    String unknown,
    List<ConffileHashes> files,
    Map<PackageName, String> unexamined,
    ConffilePolicy policy) {

  /** Copies the collections. */
  public ConffileInput {
    files = List.copyOf(files);
    unexamined = Map.copyOf(new HashMap<>(unexamined));
    Objects.requireNonNull(policy, "policy");
  }

  /** Conffiles that were not read, and why. */
  public static ConffileInput unknown(String why) {
    return new ConffileInput(
        Objects.requireNonNull(why, "why"), List.of(), Map.of(), ConffilePolicy.NONE);
  }
}
